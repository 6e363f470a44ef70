package dev.slo.export;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** The status page read by the JDK's XML parser: a page that is not well-formed XML fails the test that reads it. */
final class PageXml {
    private PageXml() {}

    /** {@return the page's document; fails on the first error of well-formedness} */
    static Document parse(String page) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setExpandEntityReferences(false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new InputSource(new StringReader(page)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("the page is not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** {@return the elements named {@code tag} under {@code root} whose class list holds {@code cssClass} (null: any)} */
    static List<Element> elements(Element root, String tag, String cssClass) {
        NodeList nodes = root.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (cssClass == null || Arrays.asList(e.getAttribute("class").split(" ")).contains(cssClass)) {
                out.add(e);
            }
        }
        return out;
    }

    /** {@return the one element named {@code tag} with class {@code cssClass} under {@code root}; fails unless exactly one} */
    static Element one(Element root, String tag, String cssClass) {
        List<Element> found = elements(root, tag, cssClass);
        if (found.size() != 1) {
            throw new AssertionError("expected one <" + tag + " class=\"" + cssClass + "\">, found " + found.size());
        }
        return found.get(0);
    }

    /** {@return the section of the SLO named {@code name}} */
    static Element section(Document page, String name) {
        for (Element section : elements(page.getDocumentElement(), "section", "slo")) {
            if (section.getAttribute("data-slo").equals(name)) {
                return section;
            }
        }
        throw new AssertionError("no section for SLO " + name);
    }
}

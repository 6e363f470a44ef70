package dev.slo;

import dev.slo.engine.RecorderCounts;
import dev.slo.engine.SliceCounts;
import dev.slo.snapshot.CountsCodec;
import dev.slo.snapshot.SectionReader;
import dev.slo.snapshot.SectionWriter;
import dev.slo.snapshot.SnapshotInput;
import dev.slo.snapshot.SnapshotOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/*
 * The bytes of a Snapshot (SNAPSHOT-FORMAT.md, "A registry's snapshot"): a header section (when it was
 * taken, how many SLOs), then one section per SLO with its definition facts, its recorders' copies
 * (CountsCodec) and its runs in flight. Package-private; the framing and checks are dev.slo.snapshot's.
 *
 * Assumptions and guarantees
 *  - read() returns a Snapshot equal to the one written, or throws SnapshotFormatException: every value
 *    is checked by the constructor of what it builds (records, Sli, Window, Budgeting, SloState), and a
 *    refusal there becomes a SnapshotFormatException naming the section and offset.
 *  - Stateless; safe from any thread.
 */
final class SnapshotCodec {
    /** The newest format version this library writes and reads. */
    static final int VERSION = 1;
    private static final int HEADER = 1;
    private static final int SLO = 2;
    /** A group of a grouped SLO: the SLO's name, the grouping's label, the group's value, then as an SLO section. */
    private static final int GROUP = 3;
    /** A label is at most 64 characters of ASCII (Grouping). */
    private static final int MAX_LABEL_BYTES = 64;
    /** A group value is at most 128 characters, each up to 3 bytes of UTF-8 (Grouping.MAX_VALUE_LENGTH). */
    private static final int MAX_VALUE_BYTES = 3 * Grouping.MAX_VALUE_LENGTH;
    /** A name is 1 to 128 characters of ASCII (SloRegistry.checkName). */
    private static final int MAX_NAME_BYTES = 128;

    private SnapshotCodec() {
    }

    static void write(long takenAtMillis, List<SloState> states, OutputStream out) throws IOException {
        SnapshotOutput output = SnapshotOutput.start(out, VERSION);
        output.section(HEADER, new SectionWriter().zigzag(takenAtMillis).varint(states.size()));
        for (SloState state : states) {
            SectionWriter section = new SectionWriter().string(state.name());
            if (state.group() != null) {
                section.string(state.group().label()).string(state.group().value());
            }
            writeSli(state.sli(), section);
            writeWindow(state.window(), section);
            writeBudgeting(state.budgeting(), section);
            CountsCodec.write(state.events(), section);
            section.varint(state.excluded() == null ? 0 : 1);
            if (state.excluded() != null) {
                CountsCodec.write(state.excluded(), section);
            }
            if (state.slices() != null) {
                CountsCodec.write(state.slices(), section);
            }
            long[] runs = state.runs();
            section.varint(runs.length / 2);
            for (int i = 0; i < runs.length; i += 2) {
                section.zigzag(runs[i]).zigzag(runs[i + 1] - runs[i]);
            }
            output.section(state.group() == null ? SLO : GROUP, section);
        }
        output.end();
    }

    static Snapshot read(InputStream in) throws IOException {
        SnapshotInput input = SnapshotInput.open(in, VERSION);
        SectionReader header = input.next();
        if (header == null || header.tag() != HEADER) {
            throw new SnapshotFormatException(header == null ? "the snapshot ends before its header"
                    : "section " + header.tag() + " comes where the header (section " + HEADER + ") must");
        }
        long takenAt = header.zigzag("time taken");
        int count = (int) header.varint(Integer.MAX_VALUE, "SLO count");
        header.expectEnd();
        List<SloState> states = new ArrayList<>(Math.min(count, 1024));
        Set<String> names = new HashSet<>();
        for (SectionReader section; (section = input.next()) != null; ) {
            boolean slo = section.tag() == SLO || section.tag() == GROUP;
            if (!slo || states.size() == count) {
                throw section.error(slo ? "one SLO more than the header's " + count : "unknown section " + section.tag());
            }
            SloState state = readSlo(section, section.tag() == GROUP);
            if (!names.add(state.key())) {
                throw section.error("SLO " + state.label() + " appears twice");
            }
            states.add(state);
        }
        if (states.size() != count) {
            throw new SnapshotFormatException("the header promises " + count + " SLOs, the snapshot holds " + states.size());
        }
        return new Snapshot(takenAt, states);
    }

    private static SloState readSlo(SectionReader in, boolean ofGroup) throws SnapshotFormatException {
        String name = in.string(MAX_NAME_BYTES, "SLO name");
        try {
            SloRegistry.checkName(name);
        } catch (IllegalArgumentException e) {
            throw in.error(e.getMessage());
        }
        SloState.Group group = null;
        if (ofGroup) {
            String label = in.string(MAX_LABEL_BYTES, "group label");
            String value = in.string(MAX_VALUE_BYTES, "group value");
            group = checked(in, () -> new SloState.Group(label, value));
        }
        SloState.Group ofSlo = group;
        Sli sli = readSli(in);
        Window window = readWindow(in);
        Budgeting budgeting = readBudgeting(in);
        RecorderCounts events = CountsCodec.read(in);
        RecorderCounts excluded = in.varint(1, "excluded flag") == 1 ? CountsCodec.read(in) : null;
        SliceCounts slices = budgeting instanceof Budgeting.Occurrences ? null : CountsCodec.readSlices(in);
        int runCount = (int) in.varint(Math.min(RunTracker.MAX_RUNS, in.remaining() / 2), "runs in flight");
        long[] runs = new long[2 * runCount];
        for (int i = 0; i < runs.length; i += 2) {
            runs[i] = in.zigzag("run start");
            long length = in.zigzag("run deadline");
            if (length < 0 || runs[i] > Long.MAX_VALUE - length) {
                throw in.error("a run started at " + runs[i] + " ms has its deadline " + length + " ms later");
            }
            runs[i + 1] = runs[i] + length;
        }
        in.expectEnd();
        return checked(in, () -> new SloState(name, sli, window, budgeting, events, excluded, slices, runs, ofSlo));
    }

    // ---------------------------------------------------------------- definition facts

    private static void writeSli(Sli sli, SectionWriter out) {
        if (sli instanceof Sli.Ratio) {
            out.varint(1);
        } else if (sli instanceof Sli.Latency l) {
            writeDuration(l.threshold(), out.varint(2));
        } else if (sli instanceof Sli.GaugeAtMost g) {
            out.varint(3).zigzag(g.bound());
        } else if (sli instanceof Sli.GaugeAtLeast g) {
            out.varint(4).zigzag(g.bound());
        } else if (sli instanceof Sli.Freshness f) {
            writeDuration(f.maxAge(), out.varint(5));
        } else if (sli instanceof Sli.Deadline d) {
            writeDuration(d.deadline(), out.varint(6));
        } else if (sli instanceof Sli.WithinRetries r) {
            out.varint(7).varint(r.maxRetries());
        } else {
            out.varint(8);                                // Feedback: the sealed hierarchy's last kind
        }
    }

    private static Sli readSli(SectionReader in) throws SnapshotFormatException {
        int kind = (int) in.varint(8, "SLI kind");
        switch (kind) {
            case 1: return Sli.ratio();
            case 8: return Sli.feedback();
            default: break;
        }
        if (kind == 3 || kind == 4) {
            long bound = in.zigzag("gauge bound");
            return kind == 3 ? Sli.gaugeAtMost(bound) : Sli.gaugeAtLeast(bound);
        }
        if (kind == 7) {
            long retries = in.varint(Integer.MAX_VALUE, "max retries");
            return checked(in, () -> Sli.withinRetries((int) retries));
        }
        if (kind == 0) {
            throw in.error("SLI kind 0 does not exist");
        }
        Duration d = readDuration(in, "SLI parameter");
        return checked(in, () -> kind == 2 ? Sli.latency(d) : kind == 5 ? Sli.freshness(d) : Sli.deadline(d));
    }

    private static void writeWindow(Window window, SectionWriter out) {
        if (window instanceof Window.Rolling r) {
            writeDuration(r.length(), out.varint(1));
        } else if (window instanceof Window.CalendarMonth m) {
            out.varint(2).string(m.zone().getId());
        } else {
            out.varint(3).string(((Window.CalendarWeek) window).zone().getId());
        }
    }

    private static Window readWindow(SectionReader in) throws SnapshotFormatException {
        int kind = (int) in.varint(3, "window kind");
        if (kind == 1) {
            Duration length = readDuration(in, "window length");
            return checked(in, () -> Window.rolling(length));
        }
        if (kind == 0) {
            throw in.error("window kind 0 does not exist");
        }
        String id = in.string(256, "time zone");
        ZoneId zone;
        try {
            zone = ZoneId.of(id);
        } catch (DateTimeException e) {
            throw in.error(Text.quoted(id) + " is not a time zone");
        }
        return kind == 2 ? Window.calendarMonth(zone) : Window.calendarWeek(zone);
    }

    private static void writeBudgeting(Budgeting budgeting, SectionWriter out) {
        if (budgeting instanceof Budgeting.Occurrences) {
            out.varint(1);
        } else if (budgeting instanceof Budgeting.Timeslices t) {
            writeDuration(t.slice(), out.varint(2));
            out.exactDouble(t.sliceTarget());
        } else {
            writeDuration(((Budgeting.RatioTimeslices) budgeting).slice(), out.varint(3));
        }
    }

    private static Budgeting readBudgeting(SectionReader in) throws SnapshotFormatException {
        int kind = (int) in.varint(3, "budgeting kind");
        if (kind == 1) {
            return Budgeting.occurrences();
        }
        if (kind == 0) {
            throw in.error("budgeting kind 0 does not exist");
        }
        Duration slice = readDuration(in, "slice length");
        if (kind == 3) {
            return checked(in, () -> Budgeting.ratioTimeslices(slice));
        }
        double target = in.exactDouble("slice target");
        return checked(in, () -> Budgeting.timeslices(slice, target));
    }

    private static void writeDuration(Duration d, SectionWriter out) {
        out.zigzag(d.getSeconds()).varint(d.getNano());
    }

    private static Duration readDuration(SectionReader in, String what) throws SnapshotFormatException {
        long seconds = in.zigzag(what + " seconds");
        long nanos = in.varint(999_999_999, what + " nanoseconds");
        return Duration.ofSeconds(seconds, nanos);
    }

    private interface Build<T> {
        T build();
    }

    /** Builds a value whose constructor checks it, turning its refusal into a SnapshotFormatException. */
    private static <T> T checked(SectionReader in, Build<T> build) throws SnapshotFormatException {
        try {
            return build.build();
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            throw in.error(e.getMessage());
        }
    }
}

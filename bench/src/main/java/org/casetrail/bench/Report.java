package org.casetrail.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The table on stdout, bench-results/latest.json, docs/benchmarks.md and its PNG plots. */
final class Report {

    private Report() {
    }

    /** Rows of the side-by-side table: label, JSON key, unit. */
    private static final String[][] ROWS = {
            {"limit: read one aggregate (find by aggregateIdentifier) + insert one", "raw_read_insert_per_s", "ops/s"},
            {"  p50 / p99", "raw_read_insert_p50_ms|raw_read_insert_p99_ms", "ms"},
            {"limit: read one aggregate (_id $in) + insert one", "raw_id_read_insert_per_s", "ops/s"},
            {"  p50 / p99", "raw_id_read_insert_p50_ms|raw_id_read_insert_p99_ms", "ms"},
            {"limit: insert only", "raw_insert_per_s", "ops/s"},
            {"limit: full sorted scan", "raw_sorted_scan_docs_per_s", "docs/s"},
            {"Axon + Mongo extension (today): commands", "ext_command_per_s", "cmd/s"},
            {"  load+append p50 / p99", "ext_command_p50_ms|ext_command_p99_ms", "ms"},
            {"Axon + Mongo extension (today): rebuild", "ext_rebuild_events_per_s", "events/s"},
            {"Axon + casetrail engine: commands", "ct_command_per_s", "cmd/s"},
            {"  load+append p50 / p99", "ct_command_p50_ms|ct_command_p99_ms", "ms"},
            {"Axon + casetrail engine: rebuild", "ct_rebuild_events_per_s", "events/s"},
    };

    /** Figures issue 8 asks for that need the whole system: HttpBench measures them. */
    static final List<String> MEASURED_BY_HTTP_BENCH = List.of(
            "http_commands_per_s",
            "http_command_p50_ms",
            "http_command_p99_ms",
            "stored_to_notified_p50_ms",
            "stored_to_notified_p99_ms");

    static String table(Map<Integer, Map<String, Object>> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "| %-72s |", "store size (events)"));
        for (Integer size : results.keySet()) {
            sb.append(String.format(Locale.ROOT, " %17s |", String.format(Locale.ROOT, "%,d", size)));
        }
        sb.append(" unit |\n|").append("-".repeat(74)).append("|");
        results.keySet().forEach(s -> sb.append("-".repeat(19)).append("|"));
        sb.append("------|\n");
        for (String[] row : ROWS) {
            sb.append(String.format(Locale.ROOT, "| %-72s |", row[0]));
            for (Map<String, Object> r : results.values()) {
                String[] keys = row[1].split("\\|");
                String cell = keys.length == 1 ? format(r.get(keys[0]))
                        : format(r.get(keys[0])) + " / " + format(r.get(keys[1]));
                sb.append(String.format(Locale.ROOT, " %17s |", cell));
            }
            sb.append(" ").append(row[2]).append(" |\n");
        }
        return sb.toString();
    }

    private static String format(Object value) {
        if (!(value instanceof Number n)) {
            return "-";
        }
        double d = n.doubleValue();
        return d >= 100 ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%.2f", d);
    }

    static void printTable(Map<Integer, Map<String, Object>> results) {
        System.out.println();
        System.out.print(table(results));
    }

    private static double num(Map<String, Object> r, String key) {
        Object v = r.get(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** The targets, evaluated for one engine prefix ("ct" or "ext"). */
    static Map<String, Object> targets(Map<Integer, Map<String, Object>> results, String prefix) {
        Map<String, Object> t = new LinkedHashMap<>();
        Map<String, Map<String, Object>> perSize = new LinkedHashMap<>();
        for (Map.Entry<Integer, Map<String, Object>> e : results.entrySet()) {
            Map<String, Object> r = e.getValue();
            Map<String, Object> s = new LinkedHashMap<>();
            double bestRaw = Math.max(num(r, "raw_read_insert_per_s"), num(r, "raw_id_read_insert_per_s"));
            double commands = num(r, prefix + "_command_per_s") / bestRaw;
            double rebuild = num(r, prefix + "_rebuild_events_per_s") / num(r, "raw_sorted_scan_docs_per_s");
            s.put("commands_vs_best_raw_read_insert", ratio(commands));
            s.put("commands_vs_raw_read_insert_by_filter",
                    ratio(num(r, prefix + "_command_per_s") / num(r, "raw_read_insert_per_s")));
            s.put("commands_target_met", commands >= 0.5);
            s.put("rebuild_vs_raw_sorted_scan", ratio(rebuild));
            s.put("rebuild_target_met", rebuild >= 0.5);
            perSize.put(String.valueOf(e.getKey()), s);
        }
        t.put("per_size", perSize);
        List<Integer> sizes = new ArrayList<>(results.keySet());
        if (sizes.size() >= 2) {
            double first = num(results.get(sizes.get(0)), prefix + "_command_p50_ms");
            double last = num(results.get(sizes.get(sizes.size() - 1)), prefix + "_command_p50_ms");
            t.put("p50_growth_largest_vs_smallest", ratio(last / first));
            t.put("p50_growth_target_met", last / first <= 1.5);
        }
        return t;
    }

    private static double ratio(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** The 1/5/15-minute load averages (Linux), to judge how much other work shared the machine. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static void write(BenchMain.Options options, Map<Integer, Map<String, Object>> results, Instant started,
                      Duration took, String loadAtStart) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("started", started.toString());
        json.put("duration_seconds", took.toSeconds());
        json.put("quick", options.quick());
        json.put("load_average_at_start", loadAtStart);
        json.put("load_average_at_end", loadAverage());
        json.put("machine", machine());
        json.put("server", "mongo-java-server 1.47.0, DurableH2Backend (commit per command), in the benchmark JVM");
        json.put("events_per_aggregate_prefilled", BenchMain.EVENTS_PER_CASE);
        json.put("max_ops_per_measurement", options.ops());
        json.put("time_budget_seconds_per_measurement", options.budget().toSeconds());
        Map<String, Object> sizes = new LinkedHashMap<>();
        results.forEach((size, r) -> sizes.put(String.valueOf(size), r));
        json.put("sizes", sizes);
        json.put("targets_casetrail_engine", targets(results, "ct"));
        json.put("targets_mongo_extension", targets(results, "ext"));
        json.put("measured_by_http_bench", MEASURED_BY_HTTP_BENCH);
        Files.createDirectories(options.resultsDir());
        Path jsonFile = options.resultsDir().resolve("latest.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(jsonFile.toFile(), json);

        writeDocs(options, results, json, took);
        System.out.println();
        System.out.println("casetrail bench: wrote " + jsonFile + ", " + options.docsDir().resolve("benchmarks.md")
                + " and " + options.docsDir().resolve("benchmarks") + "/*.png");
    }

    static void writeDocs(BenchMain.Options options, Map<Integer, Map<String, Object>> results, Map<String, Object> json,
                          Duration took) throws IOException {
        Path plots = options.docsDir().resolve("benchmarks");
        Files.createDirectories(plots);
        List<Integer> sizeList = new ArrayList<>(results.keySet());
        Map<String, double[]> commands = new LinkedHashMap<>();
        commands.put("limit: find by aggregateIdentifier + insert", series(results, "raw_read_insert_per_s"));
        commands.put("limit: _id $in + insert", series(results, "raw_id_read_insert_per_s"));
        commands.put("Axon + Mongo extension", series(results, "ext_command_per_s"));
        commands.put("Axon + casetrail engine", series(results, "ct_command_per_s"));
        chart("Commands per second (one client, in-process)", "ops/s", sizeList, commands, plots.resolve("commands.png"));
        Map<String, double[]> rebuild = new LinkedHashMap<>();
        rebuild.put("limit: full sorted scan", series(results, "raw_sorted_scan_docs_per_s"));
        rebuild.put("Axon + Mongo extension", series(results, "ext_rebuild_events_per_s"));
        rebuild.put("Axon + casetrail engine", series(results, "ct_rebuild_events_per_s"));
        chart("Rebuild from the tail (events per second)", "events/s", sizeList, rebuild, plots.resolve("rebuild.png"));
        Map<String, double[]> p50 = new LinkedHashMap<>();
        p50.put("limit: find by aggregateIdentifier + insert", series(results, "raw_read_insert_p50_ms"));
        p50.put("Axon + Mongo extension", series(results, "ext_command_p50_ms"));
        p50.put("Axon + casetrail engine", series(results, "ct_command_p50_ms"));
        chart("Command latency p50 (ms)", "ms", sizeList, p50, plots.resolve("latency-p50.png"));

        Path md = options.docsDir().resolve("benchmarks.md");
        Files.writeString(md, Markdown.render(options, results, json, took));
    }

    /** Re-renders docs/benchmarks.md and the plots from a previous run's JSON (no measuring). */
    @SuppressWarnings("unchecked")
    static void rewriteFromJson(Path jsonFile) throws IOException {
        Map<String, Object> json = new ObjectMapper().readValue(jsonFile.toFile(), Map.class);
        Map<Integer, Map<String, Object>> results = new LinkedHashMap<>();
        ((Map<String, Map<String, Object>>) json.get("sizes")).forEach((k, v) -> results.put(Integer.parseInt(k), v));
        BenchMain.Options options = new BenchMain.Options(new ArrayList<>(results.keySet()), Boolean.TRUE.equals(json.get("quick")),
                ((Number) json.get("max_ops_per_measurement")).intValue(),
                Duration.ofSeconds(((Number) json.get("time_budget_seconds_per_measurement")).longValue()),
                jsonFile.getParent(), Path.of("docs"));
        json.put("targets_casetrail_engine", targets(results, "ct"));
        json.put("targets_mongo_extension", targets(results, "ext"));
        writeDocs(options, results, json, Duration.ofSeconds(((Number) json.get("duration_seconds")).longValue()));
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("max_heap_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments());
        try {
            String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
            m.put("cpu_model", cpu);
        } catch (IOException | RuntimeException e) {
            m.put("cpu_model", "unknown");
        }
        return m;
    }

    private static double[] series(Map<Integer, Map<String, Object>> results, String key) {
        return results.values().stream().mapToDouble(r -> num(r, key)).toArray();
    }

    /** A small log-log line chart with plain AWT (no plotting dependency). */
    static void chart(String title, String unit, List<Integer> sizes, Map<String, double[]> series, Path file)
            throws IOException {
        int w = 900;
        int h = 520;
        int left = 90;
        int right = 30;
        int top = 50;
        int bottom = 150;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double minY = Double.MAX_VALUE;
        double maxY = 0;
        for (double[] values : series.values()) {
            for (double v : values) {
                if (v > 0 && !Double.isNaN(v)) {
                    minY = Math.min(minY, v);
                    maxY = Math.max(maxY, v);
                }
            }
        }
        if (maxY == 0) {
            minY = 1;
            maxY = 10;
        }
        double lo = Math.floor(Math.log10(minY));
        double hi = Math.ceil(Math.log10(maxY));
        if (hi == lo) {
            hi = lo + 1;
        }
        double xlo = Math.log10(sizes.get(0));
        double xhi = Math.log10(sizes.get(sizes.size() - 1));
        if (xhi == xlo) {
            xhi = xlo + 1;
        }
        int plotW = w - left - right;
        int plotH = h - top - bottom;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (double e = lo; e <= hi; e++) {
            int y = top + plotH - (int) ((e - lo) / (hi - lo) * plotH);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(left, y, left + plotW, y);
            g.setColor(Color.DARK_GRAY);
            double tick = Math.pow(10, e);
            String label = tick < 1 ? String.format(Locale.ROOT, "%s", tick) : String.format(Locale.ROOT, "%,.0f", tick).replace(",", " ");
            g.drawString(label, 8, y + 4);
        }
        for (Integer size : sizes) {
            int x = left + (int) ((Math.log10(size) - xlo) / (xhi - xlo) * plotW);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(x, top, x, top + plotH);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%,d", size), Math.min(x - 20, w - 60), top + plotH + 18);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, plotW, plotH);
        g.drawString("store size (events, log scale)   y: " + unit + " (log scale)", left, top + plotH + 38);
        Color[] colors = {new Color(120, 120, 120), new Color(40, 40, 40), new Color(200, 60, 50), new Color(30, 110, 200)};
        int i = 0;
        for (Map.Entry<String, double[]> s : series.entrySet()) {
            String name = s.getKey();
            Color color = name.contains("casetrail") ? colors[3] : name.contains("extension") ? colors[2]
                    : name.contains("_id") ? colors[1] : colors[0];
            g.setColor(color);
            g.setStroke(new BasicStroke(name.startsWith("limit") ? 1.5f : 3f));
            int px = -1;
            int py = -1;
            double[] values = s.getValue();
            for (int j = 0; j < values.length; j++) {
                if (!(values[j] > 0)) {
                    continue;
                }
                int x = left + (int) ((Math.log10(sizes.get(j)) - xlo) / (xhi - xlo) * plotW);
                int y = top + plotH - (int) ((Math.log10(values[j]) - lo) / (hi - lo) * plotH);
                g.fillOval(x - 4, y - 4, 8, 8);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
            int ly = top + plotH + 60 + i * 20;
            g.fillRect(left, ly - 9, 24, 6);
            g.setColor(Color.BLACK);
            g.drawString(s.getKey(), left + 32, ly);
            i++;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}

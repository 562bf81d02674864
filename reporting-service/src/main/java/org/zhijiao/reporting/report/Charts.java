package org.zhijiao.reporting.report;

import java.util.List;
import java.util.Locale;

/** Inline SVG charts for the printed report: no script, no external resources. */
final class Charts {

    private static final int WIDTH = 720;
    private static final int ROW = 26;
    private static final int LABEL = 230;

    private Charts() {
    }

    /** One bar pair per row: this year (dark) and the year before (light). */
    record Pair(String label, long value, long previous) {
    }

    static String pairedBars(String title, List<Pair> rows, String thisYear, String lastYear) {
        long max = Math.max(1, rows.stream().mapToLong(r -> Math.max(r.value(), r.previous())).max().orElse(1));
        int height = 40 + rows.size() * ROW + 20;
        double scale = (WIDTH - LABEL - 60) / (double) max;
        StringBuilder svg = open(title, height);
        svg.append(legend(thisYear, lastYear));
        int y = 40;
        for (Pair row : rows) {
            svg.append(text(LABEL - 8, y + 15, "end", row.label()));
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"now\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"10\"/>", LABEL, y + 3, row.value() * scale));
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"before\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"8\"/>", LABEL, y + 14, row.previous() * scale));
            svg.append(text((int) (LABEL + row.value() * scale + 6), y + 12, "start", Long.toString(row.value())));
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    /** A line over years. */
    static String line(String title, List<ReportDtos.TrendPoint> points) {
        int height = 220;
        int left = 50;
        int bottom = height - 30;
        long max = Math.max(1, points.stream().mapToLong(ReportDtos.TrendPoint::members).max().orElse(1));
        double step = points.size() < 2 ? 0 : (WIDTH - left - 40) / (double) (points.size() - 1);
        StringBuilder svg = open(title, height);
        svg.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
                left, bottom, WIDTH - 20, bottom));
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double x = left + i * step;
            double y = bottom - points.get(i).members() * (bottom - 40) / (double) max;
            path.append(i == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
            svg.append(String.format(Locale.ROOT, "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>", x, y));
            svg.append(text((int) x, (int) y - 8, "middle", Long.toString(points.get(i).members())));
            svg.append(text((int) x, bottom + 18, "middle", Integer.toString(points.get(i).year())));
        }
        svg.append("<path class=\"trend\" d=\"").append(path).append("\"/>");
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int height) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"100%%\">"
                        + "<title>%s</title>", WIDTH, height, escape(title)))
                .append(text(10, 20, "start", title).replace("<text ", "<text class=\"title\" "));
    }

    private static String legend(String thisYear, String lastYear) {
        return "<rect class=\"now\" x=\"" + (WIDTH - 200) + "\" y=\"10\" width=\"12\" height=\"10\"/>"
                + text(WIDTH - 184, 19, "start", thisYear)
                + "<rect class=\"before\" x=\"" + (WIDTH - 110) + "\" y=\"10\" width=\"12\" height=\"10\"/>"
                + text(WIDTH - 94, 19, "start", lastYear);
    }

    private static String text(int x, int y, String anchor, String content) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\">" + escape(content) + "</text>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

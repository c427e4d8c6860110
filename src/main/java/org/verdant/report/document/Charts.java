package org.verdant.report.document;

import org.verdant.text.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * Geometry of the report's two charts, computed from the category results; the templates draw
 * them as inline SVG (no script, no network). A radar of each first-level indicator's score in
 * percent, and stacked bars of the points each indicator gained and lost in the total.
 */
public final class Charts {
    private Charts() {
    }

    /** One category's data: its score in percent and its gained and lost points in the total. */
    public record Datum(String id, String name, double percent, double gained, double lost) {
    }

    public record Radar(int width, int height, String cx, String cy, List<Ring> rings, List<Axis> axes, String polygon,
                        List<Dot> dots) {
    }

    public record Ring(String points, String label, String labelX, String labelY) {
    }

    /** An axis from the centre to (x, y), its label at (labelX, labelY) as lines of text. */
    public record Axis(String x, String y, String labelX, String labelY, String anchor, String id, List<String> lines,
                       String value) {
    }

    public record Dot(String x, String y) {
    }

    public record Bars(int width, int height, String left, String right, List<Bar> bars, List<Tick> ticks, String axisY) {
    }

    /** A bar at height y: the gained part from {@code left}, the lost part after it; its label in lines from labelY. */
    public record Bar(String id, List<String> lines, String labelY, String y, String textY, String gainedWidth, String lostX,
                      String lostWidth, String gained, String lost, String endX) {
    }

    public record Tick(String x, String label) {
    }

    private static final int RADAR_W = 640;
    private static final int RADAR_H = 500;
    private static final double RADIUS = 140;

    /** A radar needs three axes at least; null otherwise. */
    static Radar radar(List<Datum> data) {
        int n = data.size();
        if (n < 3) return null;
        double cx = RADAR_W / 2.0;
        double cy = RADAR_H / 2.0;
        List<Ring> rings = new ArrayList<>();
        for (int pct = 20; pct <= 100; pct += 20) {
            List<double[]> pts = new ArrayList<>();
            for (int i = 0; i < n; i++) pts.add(point(cx, cy, RADIUS * pct / 100.0, angle(i, n)));
            rings.add(new Ring(points(pts), pct + " %", Num.coord(cx + 3), Num.coord(cy - RADIUS * pct / 100.0 - 2)));
        }
        List<Axis> axes = new ArrayList<>();
        List<double[]> shape = new ArrayList<>();
        List<Dot> dots = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Datum d = data.get(i);
            double a = angle(i, n);
            double[] end = point(cx, cy, RADIUS, a);
            double[] label = point(cx, cy, RADIUS + 16, a);
            double cos = Math.cos(a);
            String anchor = cos > 0.25 ? "start" : cos < -0.25 ? "end" : "middle";
            List<String> lines = wrap(d.name(), 18);
            double sin = Math.sin(a);
            // labels above the centre grow upwards, below it downwards
            double ly = label[1] + (sin < -0.5 ? -14.0 * lines.size() : sin > 0.5 ? 12 : -4);
            axes.add(new Axis(Num.coord(end[0]), Num.coord(end[1]), Num.coord(label[0]), Num.coord(ly), anchor, d.id(), lines,
                    Numbers.rounded(d.percent(), 1) + " %"));
            double[] p = point(cx, cy, RADIUS * clamp(d.percent()) / 100.0, a);
            shape.add(p);
            dots.add(new Dot(Num.coord(p[0]), Num.coord(p[1])));
        }
        return new Radar(RADAR_W, RADAR_H, Num.coord(cx), Num.coord(cy), rings, axes, points(shape), dots);
    }

    private static final int BARS_W = 640;
    private static final double BAR_LEFT = 230;
    private static final double BAR_RIGHT = 560;
    private static final double BAR_H = 22;
    private static final double BAR_GAP = 12;
    private static final double BARS_TOP = 34;

    /** One stacked bar per category, on a common scale: the largest category maximum. */
    static Bars bars(List<Datum> data) {
        if (data.isEmpty()) return null;
        double largest = data.stream().mapToDouble(d -> d.gained() + d.lost()).max().orElse(0);
        if (largest <= 0) return null;
        double step = step(largest);
        int steps = (int) Math.ceil(largest / step - 1e-9);
        double scale = step * steps;
        double span = BAR_RIGHT - BAR_LEFT;
        List<Bar> bars = new ArrayList<>();
        double y = BARS_TOP;
        for (Datum d : data) {
            double g = span * Math.max(0, d.gained()) / scale;
            double l = span * Math.max(0, d.lost()) / scale;
            List<String> lines = wrap(d.id() + " " + d.name(), 30);
            double labelY = y + BAR_H / 2 + 4 - 6.0 * (lines.size() - 1);
            bars.add(new Bar(d.id(), lines, Num.coord(labelY), Num.coord(y), Num.coord(y + BAR_H / 2 + 4), Num.coord(g),
                    Num.coord(BAR_LEFT + g), Num.coord(l), Numbers.rounded(d.gained(), 2), Numbers.rounded(d.lost(), 2),
                    Num.coord(BAR_LEFT + g + l + 4)));
            y += BAR_H + BAR_GAP;
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= steps; i++) ticks.add(new Tick(Num.coord(BAR_LEFT + span * i / steps), Numbers.rounded(step * i, 2)));
        int height = (int) Math.ceil(y + 20);
        return new Bars(BARS_W, height, Num.coord(BAR_LEFT), Num.coord(BAR_RIGHT), bars, ticks, Num.coord(y + 2));
    }

    /** A round tick step (1, 2, 2.5 or 5 × 10^k) giving three to six ticks up to {@code largest}. */
    static double step(double largest) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(largest)));
        for (double m : new double[]{0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10}) {
            double step = m * magnitude;
            if (largest / step <= 6) return step;
        }
        return 10 * magnitude;
    }

    private static double angle(int i, int n) {
        return -Math.PI / 2 + 2 * Math.PI * i / n;
    }

    private static double[] point(double cx, double cy, double r, double a) {
        return new double[]{cx + r * Math.cos(a), cy + r * Math.sin(a)};
    }

    private static double clamp(double pct) {
        return Math.max(0, Math.min(100, pct));
    }

    private static String points(List<double[]> pts) {
        StringBuilder b = new StringBuilder();
        for (double[] p : pts) {
            if (b.length() > 0) b.append(' ');
            b.append(Num.coord(p[0])).append(',').append(Num.coord(p[1]));
        }
        return b.toString();
    }

    /** Splits a label into lines of about {@code width} characters, at spaces where there are any. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) lines.add(line.toString());
        return lines;
    }
}

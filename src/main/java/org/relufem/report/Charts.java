package org.relufem.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Log-log charts as PNG bytes (XChart, headless). */
final class Charts {
    static final int WIDTH = 720;
    static final int HEIGHT = 440;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf),
    };

    private Charts() {
    }

    /** How a series is drawn: a line through markers, markers only, or a thin dashed line (a spread bound). */
    enum Style { LINE, POINTS, DASHED }

    /**
     * One series. {@code colour} indexes the palette, so that bounds share their median's colour;
     * {@code inLegend} false hides bounds from the legend.
     */
    record Series(String name, double[] x, double[] y, Style style, int colour, boolean inLegend) {
        Series(String name, double[] x, double[] y, Style style, int colour) {
            this(name, x, y, style, colour, true);
        }
    }

    static byte[] png(String title, String xLabel, String yLabel, List<Series> series) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        XYStyler s = chart.getStyler();
        s.setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xdddddd));
        for (Series x : series) {
            XYSeries xy = chart.addSeries(x.name(), x.x(), x.y());
            Color c = PALETTE[Math.floorMod(x.colour(), PALETTE.length)];
            xy.setLineColor(c);
            xy.setMarkerColor(c);
            xy.setShowInLegend(x.inLegend());
            switch (x.style()) {
                case LINE -> xy.setMarker(SeriesMarkers.CIRCLE);
                case POINTS -> {
                    xy.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    xy.setMarker(SeriesMarkers.CIRCLE);
                }
                case DASHED -> {
                    xy.setMarker(SeriesMarkers.NONE);
                    xy.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {4f, 4f}, 0f));
                }
                default -> throw new IllegalStateException();
            }
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart '" + title + "'", e);
        }
    }
}

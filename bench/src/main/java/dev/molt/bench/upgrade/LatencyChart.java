package dev.molt.bench.upgrade;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The picture: every call's latency over time, failed calls apart, each operation shaded. */
final class LatencyChart {
  private LatencyChart() {}

  static void write(String title, List<CallRecorder.Call> calls, List<Window> windows, Path png)
      throws IOException {
    XYSeries answered = new XYSeries("answered (200)");
    XYSeries failed = new XYSeries("failed (refused or error)");
    for (CallRecorder.Call c : calls) {
      (c.ok() ? answered : failed).add(c.startMs() / 1000, Math.max(c.latencyMs(), 0.1));
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(answered);
    data.addSeries(failed);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    renderer.setSeriesPaint(0, new Color(40, 90, 170));
    renderer.setSeriesPaint(1, new Color(200, 30, 30));
    renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-1.5, -1.5, 3, 3));
    renderer.setSeriesShape(1, new java.awt.geom.Rectangle2D.Double(-2.5, -2.5, 5, 5));
    LogarithmicAxis latency = new LogarithmicAxis("latency of each call (ms, log scale)");
    latency.setAllowNegativesFlag(false);
    XYPlot plot = new XYPlot(data, new NumberAxis("time (s)"), latency, renderer);
    Color[] shades = {new Color(120, 200, 120, 60), new Color(120, 160, 220, 60),
        new Color(240, 170, 90, 60), new Color(200, 120, 200, 60),
        new Color(220, 220, 110, 60)};
    for (int i = 0; i < windows.size(); i++) {
      Window w = windows.get(i);
      IntervalMarker marker = new IntervalMarker(w.fromMs() / 1000, w.toMs() / 1000,
          shades[i % shades.length], new BasicStroke(1f), null, null, 1f);
      marker.setLabel(w.name());
      plot.addDomainMarker(marker, Layer.BACKGROUND);
    }
    JFreeChart chart = new JFreeChart(title,
        JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    Files.createDirectories(png.toAbsolutePath().getParent());
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 1200, 600);
  }
}

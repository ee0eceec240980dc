package io.fugue.chain.staking.sim;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Draws the largest adversary share per epoch, one panel per adversary fraction (Java2D). */
final class SharePlot {
  private static final int W = 1000;
  private static final int PANEL_H = 340;
  private static final int LEFT = 70;
  private static final int RIGHT = 20;
  private static final int TOP = 40;
  private static final Color[] COLORS = {
    new Color(0x1b9e77), new Color(0x7570b3), new Color(0xd95f02)
  };

  private SharePlot() {}

  static void write(List<ReshardingSimulation.Result> results, Path file) throws IOException {
    List<Double> fractions =
        results.stream().map(r -> r.config().adversaryFraction()).distinct().toList();
    int h = TOP + fractions.size() * (PANEL_H + 30);
    BufferedImage img = new BufferedImage(W, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, W, h);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
      g.drawString("Largest adversarial share of any shard, per epoch", LEFT, 24);
      for (int p = 0; p < fractions.size(); p++) {
        double f = fractions.get(p);
        int y0 = TOP + p * (PANEL_H + 30) + 20;
        List<ReshardingSimulation.Result> panel =
            results.stream().filter(r -> r.config().adversaryFraction() == f).toList();
        drawPanel(g, panel, y0, String.format(Locale.ROOT, "adversary stake %.3f", f));
      }
    } finally {
      g.dispose();
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    ImageIO.write(img, "png", file.toFile());
  }

  private static void drawPanel(
      Graphics2D g, List<ReshardingSimulation.Result> panel, int y0, String title) {
    int pw = W - LEFT - RIGHT;
    int ph = PANEL_H - 40;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.setColor(Color.BLACK);
    g.drawString(title, LEFT, y0 - 4);
    g.drawRect(LEFT, y0, pw, ph);
    for (double tick = 0; tick <= 1.0001; tick += 0.25) {
      int y = y0 + ph - (int) Math.round(tick * ph);
      g.setColor(Color.LIGHT_GRAY);
      g.drawLine(LEFT, y, LEFT + pw, y);
      g.setColor(Color.BLACK);
      g.drawString(String.format(Locale.ROOT, "%.2f", tick), LEFT - 40, y + 4);
    }
    int third = y0 + ph - (int) Math.round(ph / 3.0);
    g.setColor(Color.RED);
    g.setStroke(
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f}, 0f));
    g.drawLine(LEFT, third, LEFT + pw, third);
    g.drawString("1/3", LEFT + pw - 24, third - 4);
    g.setStroke(new BasicStroke(1.3f));
    for (int i = 0; i < panel.size(); i++) {
      ReshardingSimulation.Result r = panel.get(i);
      double[] v = r.maxSharePerEpoch();
      Path2D.Double line = new Path2D.Double();
      for (int e = 0; e < v.length; e++) {
        double x = LEFT + (v.length == 1 ? 0 : (double) e * pw / (v.length - 1));
        double y = y0 + ph - v[e] * ph;
        if (e == 0) {
          line.moveTo(x, y);
        } else {
          line.lineTo(x, y);
        }
      }
      g.setColor(COLORS[i % COLORS.length]);
      g.draw(line);
      g.fillRect(LEFT + 10, y0 + 10 + i * 16, 12, 10);
      g.setColor(Color.BLACK);
      g.drawString(r.config().rule().toString(), LEFT + 28, y0 + 20 + i * 16);
    }
    g.drawString("epoch 0", LEFT, y0 + ph + 14);
    String end = "epoch " + (panel.isEmpty() ? 0 : panel.get(0).config().epochs() - 1);
    g.drawString(end, LEFT + pw - g.getFontMetrics().stringWidth(end), y0 + ph + 14);
  }
}

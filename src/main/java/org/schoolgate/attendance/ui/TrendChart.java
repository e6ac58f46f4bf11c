package org.schoolgate.attendance.ui;

import com.vaadin.flow.component.Html;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.schoolgate.attendance.domain.Rate;
import org.schoolgate.attendance.domain.analysis.WeeklyTrend;

/**
 * Cumulative attendance at the end of each school week as an SVG line, with the 96% and 90%
 * lines drawn across it and a text summary for screen readers.
 */
final class TrendChart {
  private TrendChart() {}

  static final int WIDTH = 640;
  static final int HEIGHT = 220;
  static final int LEFT = 44;
  static final int BOTTOM = 24;
  /** The chart shows 70% to 100%; lower weeks sit on the floor and are labelled. */
  static final int FLOOR = 70;

  static Html of(WeeklyTrend trend) {
    List<WeeklyTrend.Week> weeks = trend.weeks().stream().filter(w -> w.cumulativeRate().isPresent()).toList();
    StringBuilder svg = new StringBuilder();
    String summary =
        weeks.isEmpty()
            ? "No weeks with sessions yet."
            : "Cumulative attendance from " + percent(weeks.get(0).cumulativeRate()) + "% in week 1 to "
                + percent(weeks.get(weeks.size() - 1).cumulativeRate()) + "% in week " + weeks.get(weeks.size() - 1).number() + ".";
    svg.append("<figure class=\"sg-trend-chart\" id=\"trend-chart\"><svg viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"").append(summary).append("\" xmlns=\"http://www.w3.org/2000/svg\">");
    for (int pct : new int[] {100, 96, 90, 80, 70}) {
      double y = y(pct);
      boolean target = pct == 96 || pct == 90;
      svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - 8).append("\" y1=\"").append(y).append("\" y2=\"").append(y)
          .append("\" class=\"").append(target ? "sg-trend-line-" + pct : "sg-trend-grid").append("\"/>");
      svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y + 4).append("\" text-anchor=\"end\" class=\"sg-trend-label\">")
          .append(pct).append("%</text>");
    }
    if (!weeks.isEmpty()) {
      StringBuilder points = new StringBuilder();
      for (WeeklyTrend.Week w : weeks) {
        double x = x(w.number(), trend.weeks().size());
        double y = y(Math.max(FLOOR, rate(w.cumulativeRate())));
        points.append(x).append(',').append(y).append(' ');
        svg.append("<circle cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"3\" class=\"sg-trend-point\"><title>Week ")
            .append(w.number()).append(" (w/c ").append(DateTimeFormatter.ofPattern("d MMM", Locale.UK).format(w.monday())).append("): ")
            .append(percent(w.cumulativeRate())).append("%</title></circle>");
      }
      svg.append("<polyline points=\"").append(points.toString().trim()).append("\" class=\"sg-trend-path\"/>");
    }
    svg.append("</svg><figcaption>").append(summary)
        .append(" The dashed lines mark 96% (the school's target) and 90% (persistent absence).</figcaption></figure>");
    return new Html(svg.toString());
  }

  private static double x(int week, int weeks) {
    double span = WIDTH - LEFT - 16;
    return weeks <= 1 ? LEFT + span / 2 : Math.round((LEFT + 8 + span * (week - 1) / (weeks - 1)) * 10) / 10.0;
  }

  private static double y(double pct) {
    double span = HEIGHT - BOTTOM - 10;
    return Math.round((10 + span * (100 - pct) / (100 - FLOOR)) * 10) / 10.0;
  }

  private static double rate(Optional<Rate> rate) {
    return rate.map(r -> r.percentTruncated(2).doubleValue()).orElse(0.0);
  }

  private static String percent(Optional<Rate> rate) {
    return rate.map(r -> r.percentTruncated(1).setScale(1, RoundingMode.DOWN).toPlainString()).orElse("–");
  }

}

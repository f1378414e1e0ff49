package org.igclab.ui.model;

import java.util.List;
import org.igclab.ui.model.plot.Ink;
import org.igclab.ui.model.plot.Mark;
import org.igclab.ui.model.plot.Plot;

/** The path-count matrix of a chain too wide to draw, as a chart: input channels across, output channels up, a legend. */
public final class HeatPlot {
    private HeatPlot() {
    }

    public static Plot of(HeatMap map, int inputs, int outputs, boolean strict) {
        int[] flipped = new int[map.argb().length];
        // the map's first row is output 0; on a chart output 0 is at the bottom
        for (int row = 0; row < map.height(); row++) {
            System.arraycopy(map.argb(), row * map.width(), flipped, (map.height() - 1 - row) * map.width(), map.width());
        }
        Mark.Raster raster = new Mark.Raster(0, 0, inputs, outputs, map.width(), map.height(), flipped);
        String title = strict ? "Path counts: exactly one path between every pair" : "Path counts between input and output channels";
        String note = (map.block() > 1 ? map.block() + " x " + map.block() + " channels a pixel (red if any pair in it has no path, "
                + "blue if any has several). " : "") + (map.max().compareTo(java.math.BigInteger.ONE) > 0 ? String.format("Most paths between a pair: %,d.", map.max()) : "");
        return new Plot(title, new Plot.PlotAxis("input channel", false, true), new Plot.PlotAxis("output channel", false, true),
                List.of(raster), List.of(new Plot.LegendEntry(Ink.paths(0), Plot.Sample.SWATCH, "no path"),
                new Plot.LegendEntry(Ink.paths(1), Plot.Sample.SWATCH, "one path"),
                new Plot.LegendEntry(Ink.paths(2), Plot.Sample.SWATCH, "two or more")), note.trim());
    }
}

package org.igclab.ui.model.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgTest {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesWellFormedSvgWithEveryPrimitive() throws Exception {
        Svg svg = new Svg(200, 100);
        Svg.Paint red = new Svg.Paint("#c0142b", 0.5);
        svg.group(1, 0, 0, 1, 10.5, 20).clipped(0, 0, 50, 50);
        svg.circle(3, 4, 2.25, red, new Svg.Stroke(new Svg.Paint("#000000", 1), 1));
        svg.poly(new double[] {0, 1, 2}, new double[] {0, 1, 0}, false, Svg.Paint.NONE, new Svg.Stroke(red, 2, 6, 4));
        svg.end().end();
        svg.rect(0, 0, 200, 100, 3, new Svg.Paint("#ffffff", 1), null);
        svg.text(5, 12, "MACs < 1T & \"more\"", 11, "Sans", true, new Svg.Paint("#333333", 1), "middle");
        svg.image(0, 0, 2, 2, new byte[] {1, 2, 3});
        Document d = parse(svg.toString());
        Element root = d.getDocumentElement();
        assertThat(root.getAttribute("width")).isEqualTo("200");
        assertThat(d.getElementsByTagName("circle").item(0).getAttributes().getNamedItem("r").getNodeValue()).isEqualTo("2.25");
        assertThat(d.getElementsByTagName("circle").item(0).getAttributes().getNamedItem("fill-opacity").getNodeValue()).isEqualTo("0.5");
        assertThat(d.getElementsByTagName("polyline").item(0).getAttributes().getNamedItem("stroke-dasharray").getNodeValue()).isEqualTo("6 4");
        assertThat(d.getElementsByTagName("text").item(0).getTextContent()).isEqualTo("MACs < 1T & \"more\"");
        assertThat(d.getElementsByTagName("clipPath").getLength()).isEqualTo(1);
        assertThat(d.getElementsByTagName("g").item(0).getAttributes().getNamedItem("transform").getNodeValue())
                .isEqualTo("matrix(1 0 0 1 10.5 20)");
        assertThat(svg.toString()).contains("data:image/png;base64,AQID");
    }

    @Test
    void refusesWhatWouldWriteABrokenDocument() {
        assertThatThrownBy(() -> new Svg.Paint("red", 1)).hasMessageContaining("#rrggbb");
        Svg svg = new Svg(10, 10).group(1, 0, 0, 1, 0, 0);
        assertThatThrownBy(svg::toString).hasMessageContaining("still open");
        assertThatThrownBy(() -> new Svg(1, 1).end()).hasMessageContaining("no group");
        assertThat(Svg.n(-0.001)).isEqualTo("0");
        assertThat(Svg.n(1234.5678)).isEqualTo("1234.57");
    }
}

package dev.homeenergy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Template substitution: values escaped, fragments kept, mismatches and missing resources refused.
 */
class HtmlTemplateTest {
  private final HtmlTemplate cell =
      HtmlTemplate.parse("cell", "<td title=\"{{title}}\">{{body}}</td>");

  @Test
  void textIsEscapedEverywhereAndOnlyRenderedHtmlGoesInAsItIs() {
    HtmlTemplate.Html inner = HtmlTemplate.parse("b", "<b>{{x}}</b>").render(Map.of("x", "1 < 2"));
    assertThat(cell.render(Map.of("title", "\"><script>'&", "body", inner)))
        .hasToString("<td title=\"&quot;&gt;&lt;script&gt;&#39;&amp;\"><b>1 &lt; 2</b></td>");
    assertThat(cell.render(Map.of("title", "", "body", "<b>bold</b>")))
        .hasToString("<td title=\"\">&lt;b&gt;bold&lt;/b&gt;</td>");
    assertThat(HtmlTemplate.Html.join(List.of(inner, inner)))
        .hasToString("<b>1 &lt; 2</b><b>1 &lt; 2</b>");
  }

  @Test
  void aPlaceholderWithoutValueOrAValueWithoutPlaceholderIsRefused() {
    assertThatThrownBy(() -> cell.render(Map.of("title", "t")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cell takes [body, title], given [title]");
    assertThatThrownBy(() -> cell.render(Map.of("title", "t", "body", "b", "tilte", "t")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("given [body, tilte, title]");
    assertThatThrownBy(() -> cell.render(Map.of("title", "t", "body", 42)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("body is neither text nor HTML");
  }

  @Test
  void aMissingResourceFailsAtLoadNamingIt() {
    assertThatThrownBy(() -> HtmlTemplate.load("/dev/homeenergy/web/no-such-page.html"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "/dev/homeenergy/web/no-such-page.html is missing from the class path");
  }

  @Test
  void theLandingPageTemplatesLoad() {
    assertThat(HtmlTemplate.load("/dev/homeenergy/web/landing-no-devices.html").render(Map.of()))
        .hasToString("<p class=\"device\">No devices configured.</p>\n");
  }
}

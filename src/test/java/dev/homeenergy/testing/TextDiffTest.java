package dev.homeenergy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextDiffTest {
  @Test
  void equalTextsHaveNoDiff() {
    assertThat(TextDiff.unified("a\nb\n", "a\nb\n")).isEmpty();
  }

  @Test
  void aChangedLineShowsAsRemovedThenAddedWithTwoLinesOfContext() {
    String expected = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    String actual = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";

    assertThat(TextDiff.unified(expected, actual)).isEqualTo("  3\n  4\n- 5\n+ five\n  6\n  7\n");
  }

  @Test
  void distantChangesAreSeparatedAndAddedOrRemovedLinesShow() {
    String expected = "a\nb\nc\nd\ne\nf\ng\nh\ni\n";
    String actual = "new\na\nb\nc\nd\ne\nf\ng\nh\n";

    assertThat(TextDiff.unified(expected, actual))
        .isEqualTo("+ new\n  a\n  b\n...\n  g\n  h\n- i\n");
  }
}

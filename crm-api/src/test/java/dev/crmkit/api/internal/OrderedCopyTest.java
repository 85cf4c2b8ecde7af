package dev.crmkit.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Ordered set copies: order, duplicates, immutability at every size")
class OrderedCopyTest {

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "vip", "vip,vip", "vip,new,vip", "c,a,b", "z,y,x,w,v,u"})
    @DisplayName("a copy iterates as given, without repeats, equals a linked hash set and cannot be changed")
    void copies(String given) {
        List<String> values = given.isEmpty() ? List.of() : Arrays.asList(given.split(","));
        Set<String> copy = Checks.orderedCopy(values);
        LinkedHashSet<String> expected = new LinkedHashSet<>(values);
        assertThat(new ArrayList<>(copy)).containsExactlyElementsOf(expected);
        assertThat(copy).isEqualTo(expected).hasSameHashCodeAs(expected);
        assertThat(copy.contains(null)).isFalse();
        assertThatThrownBy(() -> copy.add("more")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> copy.addAll(List.of("more"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("a copy does not follow later changes of its source, and refuses a null element")
    void independent() {
        List<String> source = new ArrayList<>(List.of("one"));
        Set<String> copy = Checks.orderedCopy(source);
        source.add("two");
        assertThat(copy).containsExactly("one");
        assertThatThrownBy(() -> Checks.orderedCopy(Arrays.asList("a", null))).isInstanceOf(NullPointerException.class);
    }
}

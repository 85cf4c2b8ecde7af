package dev.crmkit.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.api.settings.ListItem;
import dev.crmkit.api.settings.ListKind;
import dev.crmkit.spi.Events;
import dev.crmkit.spi.Settings;
import dev.crmkit.spi.Store;
import dev.crmkit.spi.Transaction;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@DisplayName("The sections of an archive")
class SectionTest {

    @Test
    @Tag("IO-6")
    @DisplayName("there is a section for every port of a transaction and every admin list, so a backup leaves nothing out")
    void everyPort() {
        Set<String> ports = Arrays.stream(Transaction.class.getMethods())
                .filter(m -> m.getParameterCount() == 0 && Store.class.isAssignableFrom(m.getReturnType()))
                .map(Method::getName).collect(Collectors.toSet());
        List<Class<?>> others = Arrays.stream(Transaction.class.getMethods()).<Class<?>>map(Method::getReturnType)
                .filter(t -> t.getPackageName().equals(Store.class.getPackageName()) && !Store.class.isAssignableFrom(t))
                .collect(Collectors.toList());
        assertThat(others).as("the ports that are no stores: the log, written as its own section, and the lists")
                .containsOnly(Events.class, Settings.class);
        List<Section> lists = Arrays.stream(Section.values()).filter(s -> s.type().getRawClass() == ListItem.class)
                .collect(Collectors.toList());
        assertThat(lists.stream().map(s -> s.type().containedType(0).getRawClass().getName()))
                .containsExactlyElementsOf(ListKind.all().stream().map(k -> k.idType().getName()).collect(Collectors.toList()));
        assertThat(Section.values()).hasSize(ports.size() + ListKind.all().size());
        assertThat(Arrays.stream(Section.values()).map(Section::key)).doesNotHaveDuplicates().doesNotContain(Backup.EVENTS);
    }

    @Test
    @DisplayName("what a record refers to comes before it, as a database checking references needs")
    void order() {
        List<Section> order = List.of(Section.values());
        assertThat(order.get(0)).isEqualTo(Section.USERS);
        assertThat(order.indexOf(Section.COMPANIES)).isLessThan(order.indexOf(Section.CONTACTS));
        assertThat(order.indexOf(Section.CONTACTS)).isLessThan(order.indexOf(Section.LEADS));
        assertThat(order.indexOf(Section.PIPELINES)).isLessThan(order.indexOf(Section.DEALS));
        assertThat(order.indexOf(Section.PRODUCT_GROUPS)).isLessThan(order.indexOf(Section.COMPANIES));
        assertThat(order.indexOf(Section.TASK_TYPES)).isLessThan(order.indexOf(Section.TASKS));
    }
}

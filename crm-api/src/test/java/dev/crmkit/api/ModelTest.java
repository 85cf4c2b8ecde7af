package dev.crmkit.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.api.contact.AccessLevel;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.PersonName;
import dev.crmkit.api.deal.Pipeline;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.Stage;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageKind;
import dev.crmkit.api.money.Percent;
import dev.crmkit.api.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The model's invariants")
class ModelTest {

    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");

    private static Stage stage(String name, StageKind kind, int probability) {
        return new Stage(new StageId(UUID.randomUUID()), name, kind, Percent.of(probability));
    }

    @Test
    @Tag("DEAL-2")
    @DisplayName("DEAL-2: a stage probability outside 0–100 is rejected")
    void probabilityRange() {
        assertThatThrownBy(() -> stage("Too sure", StageKind.OPEN, 101))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).codes()).containsExactly("percent.range"));
        assertThatThrownBy(() -> Percent.of(-1)).isInstanceOf(ValidationException.class);
        assertThat(stage("Sure", StageKind.OPEN, 100).probability().fraction()).isEqualByComparingTo("1");
    }

    @Test
    @Tag("DEAL-2")
    @DisplayName("DEAL-2: stages must end in Won then Lost, after at least one open stage, names unique")
    void stageOrder() {
        Stage open = stage("Talks", StageKind.OPEN, 20);
        Stage won = stage("Won", StageKind.WON, 100);
        Stage lost = stage("Lost", StageKind.LOST, 0);
        Pipeline ok = Pipeline.builder().id(new PipelineId(UUID.randomUUID())).created(T).updated(T).name("Sales")
                .position(0).stages(List.of(open, won, lost)).build();
        assertThat(ok.firstStage()).isEqualTo(open);
        assertThat(ok.wonStage()).isEqualTo(won);
        assertThat(ok.lostStage()).isEqualTo(lost);
        assertThat(ok.stage(won.id())).contains(won);
        assertThat(ok.stage(new StageId(UUID.randomUUID()))).isEmpty();
        assertThatThrownBy(() -> Stage.checkOrder(List.of(open, lost, won)))
                .satisfies(e -> assertThat(((ValidationException) e).codes()).contains("pipeline.stages.closing"));
        assertThatThrownBy(() -> Stage.checkOrder(List.of(won, lost)))
                .satisfies(e -> assertThat(((ValidationException) e).codes()).contains("pipeline.stages.open"));
        assertThatThrownBy(() -> Stage.checkOrder(List.of(open, stage("talks", StageKind.OPEN, 30), won, lost)))
                .satisfies(e -> assertThat(((ValidationException) e).codes()).containsExactly("pipeline.stages.duplicate"));
    }

    @ParameterizedTest(name = "first ''{0}'', last ''{0}''")
    @ValueSource(strings = {"", "   ", "\t"})
    @DisplayName("a blank name is rejected with name.blank")
    void blankNames(String blank) {
        assertThatThrownBy(() -> PersonName.of(blank, blank))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).codes()).containsExactly("name.blank"));
        assertThat(PersonName.of(" Ivan ", blank).full()).isEqualTo("Ivan");
        assertThat(PersonName.of("Ivan", "Ivanovich", "Petrov").full()).isEqualTo("Ivan Ivanovich Petrov");
    }

    @Test
    @DisplayName("records copy their collections and refuse missing required values")
    void recordsAreImmutable() {
        List<String> tags = new ArrayList<>(List.of("vip"));
        Contact c = Contact.builder().id(new ContactId(UUID.randomUUID())).created(T).updated(T)
                .name(PersonName.single("Ivan")).responsible(new UserId(UUID.randomUUID())).access(AccessLevel.SHARED_READ).tags(tags).build();
        tags.add("changed");
        assertThat(c.tags()).containsExactly("vip");
        assertThatThrownBy(() -> c.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(c.toBuilder().build()).isEqualTo(c);
        assertThatThrownBy(() -> Contact.builder().id(c.id()).created(T).updated(T).name(c.name()).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("responsible");
        assertThatThrownBy(() -> c.toBuilder().version(0).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("ids order as unsigned UUIDs, the order every adapter pages in")
    void idOrder() {
        ContactId low = new ContactId(new UUID(0x7000000000000000L, 0));
        ContactId high = new ContactId(new UUID(0x8000000000000000L, 0));
        assertThat(EntityId.ORDER.compare(low, high)).isNegative();
        assertThat(low.value().compareTo(high.value())).as("UUID.compareTo differs").isPositive();
        assertThat(RecordRef.of(low)).isEqualTo(new RecordRef(EntityType.CONTACT, low.value()));
        assertThat(ContactId.parse(low.toString())).isEqualTo(low);
    }
}

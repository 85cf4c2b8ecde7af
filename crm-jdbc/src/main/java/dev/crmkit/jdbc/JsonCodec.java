package dev.crmkit.jdbc;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.StorageException;
import dev.crmkit.api.contact.CompanyId;
import dev.crmkit.api.contact.ContactId;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.deal.DealId;
import dev.crmkit.api.deal.PipelineId;
import dev.crmkit.api.deal.StageId;
import dev.crmkit.api.deal.StageTransitionId;
import dev.crmkit.api.analytics.RateTableId;
import dev.crmkit.api.analytics.SalesGoalId;
import dev.crmkit.api.settings.ImportTemplateId;
import dev.crmkit.api.field.CustomFieldId;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.lead.LeadId;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.api.settings.ContactTypeId;
import dev.crmkit.api.settings.LossReasonId;
import dev.crmkit.api.settings.ProductGroupId;
import dev.crmkit.api.settings.TaskTypeId;
import dev.crmkit.api.settings.TemperatureLevelId;
import dev.crmkit.api.task.TaskId;
import dev.crmkit.api.timeline.TimelineEntryId;
import dev.crmkit.api.user.UserId;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Turns crmkit's records into JSON and back for the {@code data} column. The model stays free of
 * Jackson: ids become plain UUID strings, e-mails and phones their text (parsed again on reading),
 * custom-field values carry a type name. Thread-safe.
 */
final class JsonCodec {

    private static final Map<Class<? extends EntityId>, Function<UUID, ? extends EntityId>> IDS = Map.ofEntries(
            Map.entry(UserId.class, UserId::new), Map.entry(ContactId.class, ContactId::new),
            Map.entry(CompanyId.class, CompanyId::new), Map.entry(LeadId.class, LeadId::new),
            Map.entry(DealId.class, DealId::new), Map.entry(PipelineId.class, PipelineId::new),
            Map.entry(StageId.class, StageId::new), Map.entry(TaskId.class, TaskId::new),
            Map.entry(TimelineEntryId.class, TimelineEntryId::new), Map.entry(TaskTypeId.class, TaskTypeId::new),
            Map.entry(ContactTypeId.class, ContactTypeId::new), Map.entry(TemperatureLevelId.class, TemperatureLevelId::new),
            Map.entry(LossReasonId.class, LossReasonId::new), Map.entry(ProductGroupId.class, ProductGroupId::new),
            Map.entry(CustomFieldId.class, CustomFieldId::new), Map.entry(StageTransitionId.class, StageTransitionId::new),
            Map.entry(SalesGoalId.class, SalesGoalId::new), Map.entry(RateTableId.class, RateTableId::new),
            Map.entry(ImportTemplateId.class, ImportTemplateId::new));

    /** Names the concrete custom-field value types in JSON. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = FieldValue.Text.class, name = "text"),
        @JsonSubTypes.Type(value = FieldValue.Number.class, name = "number"),
        @JsonSubTypes.Type(value = FieldValue.Amount.class, name = "amount"),
        @JsonSubTypes.Type(value = FieldValue.Date.class, name = "date"),
        @JsonSubTypes.Type(value = FieldValue.DateTime.class, name = "dateTime"),
        @JsonSubTypes.Type(value = FieldValue.Flag.class, name = "flag"),
        @JsonSubTypes.Type(value = FieldValue.Choice.class, name = "choice"),
        @JsonSubTypes.Type(value = FieldValue.Choices.class, name = "choices"),
        @JsonSubTypes.Type(value = FieldValue.Url.class, name = "url"),
        @JsonSubTypes.Type(value = FieldValue.Phone.class, name = "phone"),
        @JsonSubTypes.Type(value = FieldValue.Mail.class, name = "mail")
    })
    private interface FieldValueMixin {
    }

    private final ObjectMapper mapper;

    JsonCodec() {
        SimpleModule crm = new SimpleModule("crmkit");
        crm.addSerializer(EntityId.class, new JsonSerializer<>() {
            @Override
            public void serialize(EntityId id, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(id.value().toString());
            }
        });
        IDS.forEach((type, factory) -> register(crm, type, factory));
        crm.addKeySerializer(CustomFieldId.class, new JsonSerializer<>() {
            @Override
            public void serialize(CustomFieldId id, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeFieldName(id.value().toString());
            }
        });
        crm.addKeyDeserializer(CustomFieldId.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctx) {
                return new CustomFieldId(UUID.fromString(key));
            }
        });
        asText(crm, Email.class, Email::value, Email::parse);
        asText(crm, PhoneNumber.class, PhoneNumber::raw, PhoneNumber::parse);
        // Sets keep their order (tags are shown in the order they were given).
        crm.addAbstractTypeMapping(Set.class, LinkedHashSet.class);
        mapper = new ObjectMapper()
                .registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                .registerModule(crm)
                .addMixIn(FieldValue.class, FieldValueMixin.class)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Writes values of a type as JSON strings, read back with {@code parse} (so read values are checked again). */
    private static <T> void asText(SimpleModule module, Class<T> type, Function<T, String> text,
                                   Function<String, T> parse) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(text.apply(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                return parse.apply(p.getValueAsString());
            }
        });
    }

    private static <T extends EntityId> void register(SimpleModule module, Class<T> type,
                                                      Function<UUID, ? extends EntityId> factory) {
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                return type.cast(factory.apply(UUID.fromString(p.getValueAsString())));
            }
        });
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    <T> T read(String json, JavaType type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot read a stored " + type.getRawClass().getSimpleName(), e);
        }
    }

    /** The Java type of a plain class, for {@link #read}. */
    static JavaType type(Class<?> type) {
        return TypeFactory.defaultInstance().constructType(type);
    }

    /** The Java type of a generic class with its type arguments, for {@link #read}. */
    static JavaType type(Class<?> type, Class<?>... arguments) {
        return TypeFactory.defaultInstance().constructParametricType(type, arguments);
    }
}

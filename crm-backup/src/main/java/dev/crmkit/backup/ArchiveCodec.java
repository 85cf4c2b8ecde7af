package dev.crmkit.backup;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.Limits;
import dev.crmkit.api.contact.Email;
import dev.crmkit.api.field.FieldValue;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.api.timeline.TimelineEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * How records are written to and read from an archive, with Jackson and no polymorphic default typing: every
 * value is read as the type its place in the archive declares. The two closed (sealed) families of the model
 * name their member: a custom-field value its {@code type}, a timeline entry its {@code kind}. Ids are their UUID
 * text, e-mails and phones the text they were given as (parsed again on reading, so read values are checked
 * again), locales their language tags, amounts plain decimals. Reading is strict: an unknown or repeated
 * property, a number for an enum, a float for an integer, a missing record component and a value passing the
 * {@link Limits} of an archive are all refused. Thread-safe; one for the whole library.
 */
final class ArchiveCodec {

    /** The codec. */
    static final ArchiveCodec INSTANCE = new ArchiveCodec();

    /** Makes a custom-field value name its type; the names are those of {@link #nameSubtypes}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    private interface FieldValueNames {
    }

    /** Makes a timeline entry name its kind; the names are those of {@link #nameSubtypes}. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    private interface TimelineEntryNames {
    }

    private final JsonFactory factory;
    private final ObjectMapper mapper;

    private ArchiveCodec() {
        factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Limits.BACKUP_DEPTH)
                        .maxStringLength(Limits.BACKUP_STRING)
                        .maxNumberLength(Limits.BACKUP_NUMBER)
                        .maxNameLength(Limits.BACKUP_NAME)
                        .maxDocumentLength(Limits.BACKUP_BYTES)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                // A failed write must leave an archive that is visibly cut off, not one closed by Jackson.
                .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
        SimpleModule crm = new SimpleModule("crmkit-backup") {
            private static final long serialVersionUID = 1L;

            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addDeserializers(new IdDeserializers());
                context.addKeyDeserializers(new IdDeserializers());
            }
        };
        crm.addSerializer(EntityId.class, new JsonSerializer<>() {
            @Override
            public void serialize(EntityId id, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(id.value().toString());
            }
        });
        crm.addKeySerializer(EntityId.class, new JsonSerializer<>() {
            @Override
            public void serialize(EntityId id, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeFieldName(id.value().toString());
            }
        });
        text(crm, Email.class, Email::value, Email::parse);
        text(crm, PhoneNumber.class, PhoneNumber::raw, PhoneNumber::parse);
        text(crm, Locale.class, Locale::toLanguageTag, Locale::forLanguageTag);
        // Sets keep the order they were written in (tags are shown in the order they were given).
        crm.addAbstractTypeMapping(Set.class, LinkedHashSet.class);
        mapper = JsonMapper.builder(factory)
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(crm)
                .addMixIn(FieldValue.class, FieldValueNames.class)
                .addMixIn(TimelineEntry.class, TimelineEntryNames.class)
                .registerSubtypes(nameSubtypes(FieldValue.class))
                .registerSubtypes(nameSubtypes(TimelineEntry.class))
                // Records are read and written through their components only.
                .visibility(PropertyAccessor.IS_GETTER,
                        JsonAutoDetect.Visibility.NONE)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // Only public constructors and accessors are used, never forced open: the model's packages are
                // exported, not opened, on the module path.
                .disable(MapperFeature.CAN_OVERRIDE_ACCESS_MODIFIERS)
                .disable(MapperFeature.OVERRIDE_PUBLIC_ACCESS_MODIFIERS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    /**
     * The names of the types a sealed type permits, as an archive writes them: the simple name with a small
     * first letter ({@code FieldValue.DateTime} is {@code dateTime}, {@code Call} is {@code call}). A name outside
     * this closed list is refused on reading.
     */
    private static NamedType[] nameSubtypes(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses())
                .map(c -> new NamedType(c, Character.toLowerCase(c.getSimpleName().charAt(0)) + c.getSimpleName().substring(1)))
                .toArray(NamedType[]::new);
    }

    /** Writes values of a type as JSON strings and reads them back with {@code parse}, which checks them again. */
    private static <T> void text(SimpleModule module, Class<T> type, Function<T, String> text, Function<String, T> parse) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider p) throws IOException {
                gen.writeString(text.apply(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                if (!p.hasToken(JsonToken.VALUE_STRING)) {
                    return type.cast(ctx.handleUnexpectedToken(type, p));
                }
                return parse.apply(p.getText());
            }
        });
    }

    /**
     * Reads every typed id (a record of one UUID) from its UUID text, as a value and as a map key, through its
     * canonical constructor: no list of id types to keep up to date.
     */
    private static final class IdDeserializers extends Deserializers.Base implements KeyDeserializers {

        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                        BeanDescription beanDesc) {
            Constructor<?> make = constructor(type.getRawClass());
            if (make == null) {
                return null;
            }
            return new JsonDeserializer<Object>() {
                @Override
                public Object deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                    if (!p.hasToken(JsonToken.VALUE_STRING)) {
                        return ctx.handleUnexpectedToken(type, p);
                    }
                    return make(make, p.getText());
                }
            };
        }

        @Override
        public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config,
                                                   BeanDescription beanDesc) {
            Constructor<?> make = constructor(type.getRawClass());
            if (make == null) {
                return null;
            }
            return new KeyDeserializer() {
                @Override
                public Object deserializeKey(String key, DeserializationContext ctx) {
                    return make(make, key);
                }
            };
        }

        /** The canonical constructor of an id record, or null for any other type. */
        private static Constructor<?> constructor(Class<?> type) {
            if (!EntityId.class.isAssignableFrom(type) || !type.isRecord()) {
                return null;
            }
            try {
                return type.getConstructor(UUID.class);
            } catch (NoSuchMethodException e) {
                return null;
            }
        }

        private static Object make(Constructor<?> make, String text) {
            try {
                return make.newInstance(UUID.fromString(text));
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("not an id: " + text, e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make an id of " + make.getDeclaringClass(), e);
            }
        }
    }

    /**
     * A generator for an archive.
     *
     * @param out where it writes; not closed by the generator
     * @return the generator
     * @throws IOException when the stream fails
     */
    JsonGenerator generator(OutputStream out) throws IOException {
        return factory.createGenerator(out);
    }

    /**
     * A parser of an archive.
     *
     * @param in what it reads; not closed by the parser
     * @return the parser
     * @throws IOException when the stream fails
     */
    JsonParser parser(InputStream in) throws IOException {
        return factory.createParser(in);
    }

    /** The Java type of a plain class. */
    static JavaType type(Class<?> type) {
        return TypeFactory.defaultInstance().constructType(type);
    }

    /** The Java type of a generic class with its type arguments. */
    static JavaType type(Class<?> type, Class<?>... arguments) {
        return TypeFactory.defaultInstance().constructParametricType(type, arguments);
    }

    ObjectWriter writer(JavaType type) {
        return mapper.writerFor(type);
    }

    ObjectReader reader(JavaType type) {
        return mapper.readerFor(type);
    }
}

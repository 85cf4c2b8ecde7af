package dev.crmkit.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@link BuilderProcessor} through {@code javax.tools.JavaCompiler} on a small record with every kind of
 * component it treats specially, compiles the builder it writes, loads both and drives the builder by reflection.
 */
@DisplayName("The builder processor")
class BuilderProcessorTest {

    /** A stand-in for crm-api's annotation: the processor knows it only by name. */
    static final String WITH_BUILDER = """
            package dev.crmkit.api.internal;

            import java.lang.annotation.ElementType;
            import java.lang.annotation.Retention;
            import java.lang.annotation.RetentionPolicy;
            import java.lang.annotation.Target;

            @Retention(RetentionPolicy.SOURCE)
            @Target(ElementType.TYPE)
            public @interface WithBuilder {
            }
            """;

    /** The sample record and what it uses, by class name. */
    static final Map<String, String> SAMPLE = sources(
            "dev.crmkit.api.internal.WithBuilder", WITH_BUILDER,
            "sample.Foo", """
                    package sample;

                    import java.lang.annotation.ElementType;
                    import java.lang.annotation.Retention;
                    import java.lang.annotation.RetentionPolicy;
                    import java.lang.annotation.Target;

                    /** A type annotation, like a bean-validation constraint on a type argument. */
                    @Retention(RetentionPolicy.RUNTIME)
                    @Target(ElementType.TYPE_USE)
                    public @interface Foo {
                        /** @return a value, so that the annotation cannot be printed as a bare name */
                        int max() default 3;
                    }
                    """,
            "sample.Extras", """
                    package sample;

                    import java.util.List;

                    public record Extras(List<String> values) {
                        public static Extras empty() {
                            return new Extras(List.of());
                        }
                    }
                    """,
            "sample.Utm", """
                    package sample;

                    public record Utm(String source) {
                        public static Utm none() {
                            return new Utm("none");
                        }
                    }
                    """,
            "sample.Code", """
                    package sample;

                    /** Its empty() is not public, so a builder cannot start with it. */
                    public record Code(String value) {
                        static Code empty() {
                            return new Code("");
                        }
                    }
                    """,
            "sample.Sample", """
                    package sample;

                    import dev.crmkit.api.internal.WithBuilder;
                    import java.util.List;
                    import java.util.Optional;
                    import java.util.Set;
import java.util.stream.Stream;

                    /** Checks nothing, so that the builder's own defaults are visible in the record. */
                    @WithBuilder
                    public record Sample(String name, long version, boolean active, Optional<String> note,
                                         List<String> lines, Set<@Foo(max = 5) String> tags, Extras extras, Utm utm,
                                         Code code) implements SampleBuilder.ToBuilder {

                        public static SampleBuilder builder() {
                            return new SampleBuilder();
                        }
                    }
                    """);

    /** A stand-in for crm-api's Entity: the processor knows it only by name. */
    static final String ENTITY = """
            package dev.crmkit.api;

            public interface Entity<I> {
                I id();

                long version();

                java.time.Instant updated();

                Entity<I> revised(java.time.Instant at);
            }
            """;

    /** Two stored records, one an Entity directly, one through a sub-interface (as timeline entries are). */
    static final Map<String, String> ENTITIES = sources(
            "dev.crmkit.api.internal.WithBuilder", WITH_BUILDER,
            "dev.crmkit.api.Entity", ENTITY,
            "sample.Entry", """
                    package sample;

                    public interface Entry extends dev.crmkit.api.Entity<String> {
                        String text();
                    }
                    """,
            "sample.Note", """
                    package sample;

                    import java.time.Instant;

                    @dev.crmkit.api.internal.WithBuilder
                    public record Note(String id, long version, Instant updated, String text)
                            implements dev.crmkit.api.Entity<String>, NoteBuilder.ToBuilder {
                    }
                    """,
            "sample.Memo", """
                    package sample;

                    import java.time.Instant;

                    @dev.crmkit.api.internal.WithBuilder
                    public record Memo(String id, long version, Instant updated, String text)
                            implements Entry, MemoBuilder.ToBuilder {
                    }
                    """);

    @TempDir
    static Path dir;
    static Compilation compilation;
    static URLClassLoader loader;

    @BeforeAll
    static void compile() {
        compilation = Compilation.run(dir.resolve("sample"), SAMPLE, true);
        assertThat(compilation.success()).as(compilation.report()).isTrue();
        loader = compilation.loader();
    }

    @AfterAll
    static void close() throws IOException {
        if (loader != null) {
            loader.close();
        }
    }

    @Nested
    @DisplayName("writes a builder whose defaults")
    class Defaults {

        @Test
        @DisplayName("leave Optional values empty, collections empty and the version at 1")
        void containersAndVersion() throws Throwable {
            Object sample = call(builder().name("n").active(true).target(), "build");

            assertThat(call(sample, "version")).isEqualTo(1L);
            assertThat(call(sample, "note")).isEqualTo(Optional.empty());
            assertThat((Collection<?>) call(sample, "lines")).isEmpty();
            assertThat((Collection<?>) call(sample, "tags")).isEmpty();
        }

        @Test
        @DisplayName("use a type's public static empty() or none()")
        void emptyFactories() throws Throwable {
            Object sample = call(builder().name("n").active(true).target(), "build");

            assertThat(call(sample, "extras")).isEqualTo(callStatic("sample.Extras", "empty"));
            assertThat(call(sample, "utm")).isEqualTo(callStatic("sample.Utm", "none"));
            assertThat(compilation.generatedSource("sample.SampleBuilder"))
                    .contains("extras = sample.Extras.empty();", "utm = sample.Utm.none();");
        }

        @Test
        @DisplayName("leave every other value unset, to the record's constructor")
        void otherValuesUnset() throws Throwable {
            Object sample = call(builder().active(false).target(), "build");

            assertThat(call(sample, "name")).isNull();
            assertThat(call(sample, "code")).as("Code.empty() is not public").isNull();
        }
    }

    @Test
    @DisplayName("has setters of Optional values that take the value, and clearX() that empties it")
    void optionalSetterAndClear() throws Throwable {
        Builder b = builder().name("n").active(true).set("note", "call back");
        Object set = call(b.target(), "build");

        Object cleared = call(b.call("clearNote").target(), "build");

        assertThat(call(set, "note")).isEqualTo(Optional.of("call back"));
        assertThat(call(cleared, "note")).isEqualTo(Optional.empty());
        assertThat(method(b.target().getClass(), "note").getParameterTypes()).containsExactly(String.class);
    }

    @Test
    @DisplayName("has setters that reject null with the component's name")
    void settersRejectNull() {
        for (String component : List.of("name", "note", "lines", "tags", "extras", "utm", "code")) {
            assertThatThrownBy(() -> builder().set(component, (Object) null)).as(component)
                    .isInstanceOf(NullPointerException.class).hasMessage(component);
        }
    }

    @Test
    @DisplayName("copies the argument of a List setter")
    void listSetterCopies() throws Throwable {
        List<String> lines = new ArrayList<>(List.of("first", "second"));
        Builder b = builder().name("n").active(true).set("lines", lines);
        lines.add("third");
        lines.set(0, "changed");

        List<?> built = (List<?>) call(call(b.target(), "build"), "lines");

        assertThat(built).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactly("first", "second");
        assertThatThrownBy(() -> built.clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("keeps a Set in the order given, without repeats, unmodifiable")
    void setKeepsInsertionOrder() throws Throwable {
        List<String> tags = List.of("zeta", "alpha", "mu", "alpha", "beta");

        Set<?> built = (Set<?>) call(call(builder().name("n").active(true).set("tags", tags).target(), "build"),
                "tags");

        assertThat(built).asInstanceOf(InstanceOfAssertFactories.ITERABLE)
                .containsExactly("zeta", "alpha", "mu", "beta");
        assertThatThrownBy(() -> built.clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("names an unset boolean when build() is called")
    void unsetBooleanNamed() throws Throwable {
        Builder b = builder().name("n");

        assertThatThrownBy(() -> call(b.target(), "build")).isInstanceOf(NullPointerException.class)
                .hasMessage("active is not set");
    }

    @Test
    @DisplayName("has a copy constructor (toBuilder) that round-trips every component")
    void copyConstructorRoundTrips() throws Throwable {
        Object full = call(builder().name("Ivan").set("version", 7L).active(true).set("note", "vip")
                .set("lines", List.of("a", "b")).set("tags", List.of("y", "x"))
                .set("extras", newRecord("sample.Extras", List.of("e")))
                .set("utm", newRecord("sample.Utm", "mail")).set("code", newRecord("sample.Code", "c1"))
                .target(), "build");

        Object copy = call(call(full, "toBuilder"), "build");
        Object changed = call(new Builder(call(full, "toBuilder")).call("clearNote").set("name", "Olga").target(),
                "build");

        assertThat(copy).isEqualTo(full).isNotSameAs(full);
        assertThat(call(copy, "tags").toString()).isEqualTo("[y, x]");
        assertThat(call(changed, "note")).isEqualTo(Optional.empty());
        assertThat(call(changed, "name")).isEqualTo("Olga");
        assertThat(call(changed, "version")).isEqualTo(7L);
        assertThat(call(changed, "lines")).isEqualTo(call(full, "lines"));
    }

    @Nested
    @DisplayName("gives a record that implements its ToBuilder interface")
    class Mixin {

        @Test
        @DisplayName("toBuilder(), and no revised(at) when the record is not an Entity")
        void toBuilderOnly() throws Throwable {
            assertThat(compilation.generatedSource("sample.SampleBuilder"))
                    .contains("public sealed interface ToBuilder permits Sample {")
                    .doesNotContain("revised");
            Object sample = call(builder().name("n").active(true).target(), "build");
            Object copy = call(call(sample, "toBuilder"), "build");

            assertThat(copy).isEqualTo(sample).isNotSameAs(sample);
        }

        @Test
        @DisplayName("revised(at) on an Entity, direct or through a sub-interface: same values, version + 1, updated at")
        void revisedRaisesVersion() throws Throwable {
            Compilation c = Compilation.run(dir.resolve("entities"), ENTITIES, true);
            assertThat(c.success()).as(c.report()).isTrue();
            Instant created = Instant.parse("2026-01-05T10:00:00Z");
            Instant later = created.plusSeconds(3600);

            try (URLClassLoader entities = c.loader()) {
                for (String record : List.of("sample.Note", "sample.Memo")) {
                    Class<?> type = entities.loadClass(record);
                    Object stored = type.getConstructors()[0].newInstance("id-1", 4L, created, "text");

                    Object next = call(stored, "revised", later);

                    assertThat(next).as(record).isInstanceOf(type)
                            .isEqualTo(type.getConstructors()[0].newInstance("id-1", 5L, later, "text"));
                    assertThat(method(type, "revised").getReturnType()).as(record).isEqualTo(type);
                }
            }
        }

        @Test
        @DisplayName("a source that compiles with -Xlint:all -Werror (and crm-api's doclint)")
        void mixinIsLintClean() {
            Compilation c = Compilation.run(dir.resolve("entities-generated"), ENTITIES, true);
            Map<String, String> sources = new LinkedHashMap<>(ENTITIES);
            sources.put("sample.NoteBuilder", c.generatedSource("sample.NoteBuilder"));
            sources.put("sample.MemoBuilder", c.generatedSource("sample.MemoBuilder"));

            Compilation strict = Compilation.run(dir.resolve("entities-strict"), sources, false,
                    "-Xlint:all", "-Xdoclint:all,-missing", "-Werror");

            assertThat(strict.success()).as(strict.report()).isTrue();
            assertThat(strict.messages(Diagnostic.Kind.WARNING)).isEmpty();
        }
    }

    @Test
    @DisplayName("drops type annotations such as Set<@Foo String> from the types it writes")
    void typeAnnotationsDropped() {
        String source = compilation.generatedSource("sample.SampleBuilder");

        assertThat(source).doesNotContain("Foo")
                .contains("private java.util.Set<java.lang.String> tags = java.util.Set.of();")
                .contains("public SampleBuilder tags(java.util.Collection<? extends java.lang.String> value)");
    }

    @Test
    @DisplayName("writes a source that compiles with -Xlint:all -Werror (and crm-api's doclint)")
    void generatedSourceIsLintClean() {
        Map<String, String> sources = new LinkedHashMap<>(SAMPLE);
        sources.put("sample.SampleBuilder", compilation.generatedSource("sample.SampleBuilder"));

        Compilation strict = Compilation.run(dir.resolve("strict"), sources, false,
                "-Xlint:all", "-Xdoclint:all,-missing", "-Werror");

        assertThat(strict.success()).as(strict.report()).isTrue();
        assertThat(strict.messages(Diagnostic.Kind.WARNING)).isEmpty();
        assertThat(strict.messages(Diagnostic.Kind.MANDATORY_WARNING)).isEmpty();
    }

    @Test
    @DisplayName("starts only a long version at 1: any other primitive named version must be set")
    void onlyLongVersionDefaults() throws Throwable {
        Compilation c = Compilation.run(dir.resolve("int-version"), sources(
                "dev.crmkit.api.internal.WithBuilder", WITH_BUILDER,
                "sample.Revision", "package sample;\n@dev.crmkit.api.internal.WithBuilder\n"
                        + "public record Revision(int version, String text) {\n"
                        + "    public static RevisionBuilder builder() {\n        return new RevisionBuilder();\n    }\n}\n"),
                true);
        assertThat(c.success()).as(c.report()).isTrue();

        try (URLClassLoader revisions = c.loader()) {
            Object b = invoke(method(revisions.loadClass("sample.Revision"), "builder"), null);
            call(b, "text", "draft");
            assertThatThrownBy(() -> call(b, "build")).isInstanceOf(NullPointerException.class)
                    .hasMessage("version is not set");
            call(b, "version", 3);
            assertThat(call(call(b, "build"), "version")).isEqualTo(3);
        }
    }

    @Nested
    @DisplayName("reports an error and writes nothing for @WithBuilder on")
    class Errors {

        @Test
        @DisplayName("a class, an interface or an enum")
        void notARecord() {
            Compilation c = Compilation.run(dir.resolve("not-a-record"), sources(
                    "dev.crmkit.api.internal.WithBuilder", WITH_BUILDER,
                    "sample.Plain", "package sample;\n@dev.crmkit.api.internal.WithBuilder\npublic class Plain {\n}\n",
                    "sample.Port", "package sample;\n@dev.crmkit.api.internal.WithBuilder\npublic interface Port {\n}\n",
                    "sample.Kind", "package sample;\n@dev.crmkit.api.internal.WithBuilder\npublic enum Kind { A }\n"),
                    true);

            assertThat(c.success()).isFalse();
            assertThat(c.messages(Diagnostic.Kind.ERROR)).containsExactlyInAnyOrder(
                    "@WithBuilder goes on records only", "@WithBuilder goes on records only",
                    "@WithBuilder goes on records only");
            assertThat(c.generatedFile("sample.PlainBuilder")).doesNotExist();
            assertThat(c.generatedFile("sample.PortBuilder")).doesNotExist();
            assertThat(c.generatedFile("sample.KindBuilder")).doesNotExist();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.crmkit.builder.BuilderProcessorTest#refusedRecords")
        @DisplayName("a generic record, a nested record, an Entity without version or updated")
        void refusedRecord(String what, String type, String source, String error) {
            Compilation c = Compilation.run(dir.resolve(type), sources(
                    "dev.crmkit.api.internal.WithBuilder", WITH_BUILDER, "dev.crmkit.api.Entity", ENTITY,
                    "sample." + type, "package sample;\n" + source), true);

            assertThat(c.success()).isFalse();
            assertThat(c.messages(Diagnostic.Kind.ERROR)).as(c.report()).contains(error);
            assertThat(c.generatedFile("sample." + type + "Builder")).doesNotExist();
            assertThat(c.generatedFile("sample.InnerBuilder")).doesNotExist();
        }
    }

    static Stream<Arguments> refusedRecords() {
        return Stream.of(
                Arguments.of("a generic record", "Pair", "@dev.crmkit.api.internal.WithBuilder\n"
                        + "public record Pair<A, B>(A first, B second) {\n}\n",
                        "@WithBuilder does not support generic records"),
                Arguments.of("a nested record", "Outer", "public final class Outer {\n"
                        + "    @dev.crmkit.api.internal.WithBuilder\n    public record Inner(String name) {\n    }\n}\n",
                        "@WithBuilder goes on top-level records only"),
                Arguments.of("an Entity without an updated component", "Bare", "@dev.crmkit.api.internal.WithBuilder\n"
                        + "public record Bare(String id, long version, String text)\n"
                        + "        implements dev.crmkit.api.Entity<String>, BareBuilder.ToBuilder {\n"
                        + "    public java.time.Instant updated() {\n        return java.time.Instant.EPOCH;\n    }\n}\n",
                        "an Entity record needs the components long version and Instant updated for revised(at)"));
    }

    // ---- reflection over the compiled sample ----

    static Map<String, String> sources(String... nameAndText) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            sources.put(nameAndText[i], nameAndText[i + 1]);
        }
        return sources;
    }

    static Builder builder() {
        try {
            return new Builder(callStatic("sample.Sample", "builder"));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static Object callStatic(String className, String method) throws Throwable {
        return invoke(method(loader.loadClass(className), method), null);
    }

    static Object newRecord(String className, Object value) throws Throwable {
        Class<?> type = loader.loadClass(className);
        try {
            return type.getConstructors()[0].newInstance(value);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static Object call(Object target, String method, Object... args) throws Throwable {
        return invoke(method(target.getClass(), method), target, args);
    }

    /** The public method of that name; the generated builders have no overloads. */
    static Method method(Class<?> type, String name) {
        return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(type + " has no method " + name));
    }

    private static Object invoke(Method method, Object target, Object... args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A generated builder, driven by reflection. */
    static final class Builder {
        private final Object target;

        Builder(Object target) {
            this.target = target;
        }

        Object target() {
            return target;
        }

        Builder name(String name) throws Throwable {
            return set("name", name);
        }

        Builder active(boolean active) throws Throwable {
            return set("active", active);
        }

        Builder set(String component, Object value) throws Throwable {
            assertThat(BuilderProcessorTest.call(target, component, value)).isSameAs(target);
            return this;
        }

        Builder call(String method) throws Throwable {
            assertThat(BuilderProcessorTest.call(target, method)).isSameAs(target);
            return this;
        }
    }
}

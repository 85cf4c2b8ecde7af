package dev.crmkit.builder;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;

/**
 * Writes a builder for every top-level, non-generic record annotated {@code @dev.crmkit.api.internal.WithBuilder}
 * (anything else annotated is a compile error): for a record
 * {@code Deal} in package {@code p}, the class {@code p.DealBuilder} with a setter per component, a
 * {@code clearX()} for every {@code Optional} component (its setter takes the value itself), a
 * constructor copying a record (for {@code toBuilder()}), and {@code build()}.
 *
 * <p>Defaults, so that a builder reads like the record's meaning rather than its plumbing:
 * {@code Optional} components start empty, {@code List} and {@code Set} components empty, a
 * component whose type has a public static no-argument {@code empty()} or {@code none()} factory starts
 * with it, and a {@code long version} starts at 1. Setters refuse null, naming the component. Every other
 * component must be set; {@code build()} leaves null checks and invariants to the record's own constructor,
 * except for unset primitive components, which it names.
 *
 * <p>A record that lists {@code DealBuilder.ToBuilder} among its interfaces also gets, from that generated
 * interface, {@code toBuilder()} and, when it is an {@code Entity}, {@code revised(at)} (the same values
 * at version + 1, updated at {@code at}): neither is then written by hand in any record, so every record
 * makes its next revision the same way. The interface is sealed to the record.
 *
 * <p>The generated sources are not committed: they are written at compile time into
 * {@code target/generated-sources/annotations}, so they cannot drift from the records.
 */
@SupportedAnnotationTypes(BuilderProcessor.ANNOTATION)
public final class BuilderProcessor extends AbstractProcessor {

    /** The annotation that asks for a builder. It has source retention and lives in crm-api. */
    static final String ANNOTATION = "dev.crmkit.api.internal.WithBuilder";

    /** The simple name of the generated interface that gives a record {@code toBuilder()} and {@code revised}. */
    static final String MIXIN = "ToBuilder";

    /** The interface of stored records, whose {@code revised(at)} the mixin implements. */
    static final String ENTITY = "dev.crmkit.api.Entity";

    /** Creates the processor; javac instantiates it through the service loader. */
    public BuilderProcessor() {
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element.getKind() != ElementKind.RECORD) {
                    error(element, "@WithBuilder goes on records only");
                } else if (element.getEnclosingElement().getKind() != ElementKind.PACKAGE) {
                    error(element, "@WithBuilder goes on top-level records only");
                } else if (!((TypeElement) element).getTypeParameters().isEmpty()) {
                    error(element, "@WithBuilder does not support generic records");
                } else {
                    write((TypeElement) element);
                }
            }
        }
        return true;
    }

    private void error(Element element, String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element);
    }

    private void write(TypeElement record) {
        String pkg = ((PackageElement) record.getEnclosingElement()).getQualifiedName().toString();
        String name = record.getSimpleName() + "Builder";
        List<Component> components = record.getRecordComponents().stream().map(this::component)
                .collect(Collectors.toList());
        Mixin mixin = null;
        if (implementsMixin(record, name)) {
            String entity = entityType(record.asType());
            if (entity != null && !(has(components, "version", "long") && has(components, "updated", "java.time.Instant"))) {
                error(record, "an Entity record needs the components long version and Instant updated for revised(at)");
                return;
            }
            mixin = new Mixin(entity);
        }
        String source = new Source(pkg, record.getSimpleName().toString(), name, components, mixin).render();
        try (Writer out = processingEnv.getFiler().createSourceFile(pkg + "." + name, record).openWriter()) {
            out.write(source);
        } catch (IOException e) {
            error(record, "cannot write " + name + ": " + e.getMessage());
        }
    }

    /**
     * Whether the record lists {@code <Name>Builder.ToBuilder} among its interfaces. In the first round that
     * type does not exist yet, so it is matched by the name the source gives it.
     */
    private static boolean implementsMixin(TypeElement record, String builder) {
        for (TypeMirror type : record.getInterfaces()) {
            String written = type.toString();
            if (written.equals(builder + "." + MIXIN) || written.endsWith("." + builder + "." + MIXIN)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code dev.crmkit.api.Entity<I>} the type implements, directly or not, printed; or null. */
    private String entityType(TypeMirror type) {
        for (TypeMirror supertype : processingEnv.getTypeUtils().directSupertypes(type)) {
            if (supertype.getKind() != TypeKind.DECLARED) {
                continue;
            }
            if (rawName(supertype).equals(ENTITY)) {
                return print(supertype);
            }
            String found = entityType(supertype);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static boolean has(List<Component> components, String name, String type) {
        return components.stream().anyMatch(c -> c.name().equals(name) && c.type().equals(type));
    }

    private Component component(RecordComponentElement element) {
        TypeMirror type = element.asType();
        String name = element.getSimpleName().toString();
        String written = print(type);
        if (type.getKind().isPrimitive()) {
            String boxed = print(processingEnv.getTypeUtils().boxedClass((javax.lang.model.type.PrimitiveType) type)
                    .asType());
            boolean version = "version".equals(name) && type.getKind() == TypeKind.LONG;
            return new Component(name, written, Kind.PRIMITIVE, boxed, version ? "1L" : null);
        }
        String raw = rawName(type);
        switch (raw) {
            case "java.util.Optional":
                return new Component(name, written, Kind.OPTIONAL, typeArgument(type, 0), "java.util.Optional.empty()");
            case "java.util.List":
                return new Component(name, written, Kind.LIST, typeArgument(type, 0), "java.util.List.of()");
            case "java.util.Set":
                return new Component(name, written, Kind.SET, typeArgument(type, 0), "java.util.Set.of()");
            default:
                return new Component(name, written, Kind.PLAIN, written, emptyFactory(type, raw));
        }
    }

    /** A call of the type's own empty value ({@code CustomFieldValues.empty()}, {@code Utm.none()}), or null. */
    private String emptyFactory(TypeMirror type, String raw) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        for (ExecutableElement m : ElementFilter.methodsIn(element.getEnclosedElements())) {
            String method = m.getSimpleName().toString();
            if ((method.equals("empty") || method.equals("none")) && m.getParameters().isEmpty()
                    && m.getModifiers().contains(Modifier.STATIC) && m.getModifiers().contains(Modifier.PUBLIC)
                    && processingEnv.getTypeUtils().isSameType(m.getReturnType(), type)) {
                return raw + "." + method + "()";
            }
        }
        return null;
    }

    private static String rawName(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return type.toString();
        }
        return ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
    }

    private static String typeArgument(TypeMirror type, int index) {
        return print(((DeclaredType) type).getTypeArguments().get(index));
    }

    /** Prints a type without its type annotations (such as bound constraints), fully qualified. */
    static String print(TypeMirror type) {
        switch (type.getKind()) {
            case DECLARED:
                DeclaredType declared = (DeclaredType) type;
                String raw = rawName(type);
                if (declared.getTypeArguments().isEmpty()) {
                    return raw;
                }
                return raw + declared.getTypeArguments().stream().map(BuilderProcessor::print)
                        .collect(Collectors.joining(", ", "<", ">"));
            case ARRAY:
                return print(((ArrayType) type).getComponentType()) + "[]";
            case WILDCARD:
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    return "? extends " + print(wildcard.getExtendsBound());
                }
                return wildcard.getSuperBound() != null ? "? super " + print(wildcard.getSuperBound()) : "?";
            default:
                return type.getKind().isPrimitive() ? type.getKind().name().toLowerCase(java.util.Locale.ROOT)
                        : type.toString();
        }
    }

    /** How a component is set. */
    enum Kind {
        PLAIN, PRIMITIVE, OPTIONAL, LIST, SET
    }

    /**
     * One record component as the builder sees it.
     *
     * @param name the component's name
     * @param type its type as written in the builder's field
     * @param kind how it is set
     * @param element for a primitive its boxed type, for a container its element type(s), else the type
     * @param initial the builder field's initial value, or null when the component must be set
     */
    record Component(String name, String type, Kind kind, String element, String initial) {
    }

    /**
     * The generated {@code ToBuilder} interface of one record.
     *
     * @param entity the {@code Entity<I>} the record implements, printed, or null when it is not one
     */
    record Mixin(String entity) {
    }

    /** The text of one builder. */
    static final class Source {
        private final String pkg;
        private final String record;
        private final String builder;
        private final List<Component> components;
        private final Mixin mixin;
        private final StringBuilder out = new StringBuilder();

        Source(String pkg, String record, String builder, List<Component> components, Mixin mixin) {
            this.pkg = pkg;
            this.record = record;
            this.builder = builder;
            this.components = components;
            this.mixin = mixin;
        }

        String render() {
            line("package " + pkg + ";");
            line("");
            line("/**");
            line(" * Builds {@link " + record + "} values: generated at compile time from the record's components by");
            line(" * crmkit's builder processor. {@code Optional} values start empty, collections empty, the version");
            line(" * at 1; every other value must be set. A setter of an {@code Optional} value takes the value, and");
            line(" * {@code clearX()} empties it. Not thread-safe.");
            line(" */");
            line("public final class " + builder + " {");
            for (Component c : components) {
                String fieldType = c.kind() == Kind.PRIMITIVE ? c.element() : c.type();
                line("    private " + fieldType + " " + c.name() + (c.initial() == null ? "" : " = " + c.initial()) + ";");
            }
            line("");
            line("    " + builder + "() {");
            line("    }");
            line("");
            line("    " + builder + "(" + record + " from) {");
            for (Component c : components) {
                line("        this." + c.name() + " = from." + c.name() + "();");
            }
            line("    }");
            for (Component c : components) {
                setters(c);
            }
            line("");
            line("    /**");
            line("     * Builds the record; its constructor checks the values.");
            line("     *");
            line("     * @return a new {@link " + record + "}");
            line("     */");
            line("    public " + record + " build() {");
            List<String> args = new ArrayList<>();
            for (Component c : components) {
                args.add(c.kind() == Kind.PRIMITIVE && c.initial() == null
                        ? "java.util.Objects.requireNonNull(" + c.name() + ", \"" + c.name() + " is not set\")"
                        : c.name());
            }
            line("        return new " + record + "(" + String.join(",\n                ", args) + ");");
            line("    }");
            if (mixin != null) {
                mixin();
            }
            line("}");
            return out.toString();
        }

        private void mixin() {
            line("");
            line("    /**");
            line("     * Gives {@link " + record + "} its {@code toBuilder()}" + (mixin.entity() == null ? "" : " and {@code revised(at)}")
                    + ", so that");
            line("     * the record writes neither by hand. Sealed: only the record implements it.");
            line("     */");
            line("    public sealed interface " + MIXIN + (mixin.entity() == null ? "" : " extends " + mixin.entity())
                    + " permits " + record + " {");
            line("");
            line("        /**");
            line("         * A builder holding this record's values, to derive a changed copy.");
            line("         *");
            line("         * @return the builder");
            line("         */");
            line("        default " + builder + " toBuilder() {");
            line("            return new " + builder + "((" + record + ") this);");
            line("        }");
            if (mixin.entity() != null) {
                line("");
                line("        /**");
                line("         * The next revision: the same values at version + 1, updated at {@code at}.");
                line("         *");
                line("         * @param at the time of the change");
                line("         * @return the next revision");
                line("         */");
                line("        @Override");
                line("        default " + record + " revised(java.time.Instant at) {");
                line("            return toBuilder().version(version() + 1).updated(at).build();");
                line("        }");
            }
            line("    }");
        }

        private void setters(Component c) {
            String n = c.name();
            switch (c.kind()) {
                case OPTIONAL:
                    setter(n, c.element(), "java.util.Optional.of(" + nonNull(n) + ")");
                    line("");
                    line("    public " + builder + " clear" + Character.toUpperCase(n.charAt(0)) + n.substring(1) + "() {");
                    line("        this." + n + " = java.util.Optional.empty();");
                    line("        return this;");
                    line("    }");
                    break;
                case LIST:
                    setter(n, "java.util.Collection<? extends " + c.element() + ">",
                            "java.util.List.copyOf(" + nonNull(n) + ")");
                    break;
                case SET:
                    setter(n, "java.util.Collection<? extends " + c.element() + ">",
                            "java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(" + nonNull(n) + "))");
                    break;
                case PRIMITIVE:
                    setter(n, c.type(), "value");
                    break;
                default:
                    setter(n, c.type(), nonNull(n));
            }
        }

        /** The setter's argument, refused if null with the component's name as the message. */
        private static String nonNull(String name) {
            return "java.util.Objects.requireNonNull(value, \"" + name + "\")";
        }

        private void setter(String name, String parameter, String value) {
            line("");
            line("    public " + builder + " " + name + "(" + parameter + " value) {");
            line("        this." + name + " = " + value + ";");
            line("        return this;");
            line("    }");
        }

        private void line(String text) {
            out.append(text).append('\n');
        }
    }
}

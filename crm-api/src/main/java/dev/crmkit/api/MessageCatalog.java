package dev.crmkit.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * The English and Russian texts of a module's violation codes, read from its
 * {@code messages.properties} and {@code messages_ru.properties} (UTF-8, {@link MessageFormat} patterns).
 *
 * <p>Each module loads its own files through a function that opens resources from its own package,
 * so the texts stay encapsulated on the module path. Instances are immutable and thread-safe.
 */
public final class MessageCatalog {

    private final Properties english;
    private final Properties russian;

    private MessageCatalog(Properties english, Properties russian) {
        this.english = english;
        this.russian = russian;
    }

    /**
     * Loads {@code messages.properties} and {@code messages_ru.properties}.
     *
     * @param resources opens a resource by its name relative to the calling module's package,
     *                  typically {@code name -> MyClass.class.getResourceAsStream(name)}
     * @return the catalog
     * @throws IllegalStateException if either file is missing
     */
    public static MessageCatalog load(Function<String, InputStream> resources) {
        return new MessageCatalog(read(resources, "messages.properties"), read(resources, "messages_ru.properties"));
    }

    private static Properties read(Function<String, InputStream> resources, String name) {
        Properties properties = new Properties();
        try (InputStream in = resources.apply(name)) {
            if (in == null) {
                throw new IllegalStateException("missing message file " + name);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read message file " + name, e);
        }
        return properties;
    }

    /**
     * Builds a violation with this catalog's texts for a code.
     *
     * @param path the field path
     * @param code the code; it must have a text in both files
     * @param args values for the placeholders {@code {0}}, {@code {1}}…
     * @return the violation
     * @throws IllegalArgumentException if the code has no text
     */
    public Violation violation(String path, String code, Object... args) {
        return new Violation(path, code, format(english, code, Locale.ENGLISH, args),
                format(russian, code, Locale.forLanguageTag("ru"), args));
    }

    /**
     * Whether this catalog has texts for a code.
     *
     * @param code a violation code
     * @return true when both languages have a text
     */
    public boolean has(String code) {
        return english.containsKey(code) && russian.containsKey(code);
    }

    private static String format(Properties texts, String code, Locale locale, Object... args) {
        Objects.requireNonNull(code, "code");
        String pattern = texts.getProperty(code);
        if (pattern == null) {
            throw new IllegalArgumentException("no message text for code " + code);
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}

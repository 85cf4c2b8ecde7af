package dev.crmkit.builder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * One run of the system Java compiler on in-memory sources, with or without {@link BuilderProcessor}: class
 * files go to {@code dir/classes}, generated sources to {@code dir/generated}, and nothing from the test's
 * own class path is visible to the compiled code.
 */
final class Compilation {

    private final boolean success;
    private final List<Diagnostic<? extends JavaFileObject>> diagnostics;
    private final Path classes;
    private final Path generated;

    private Compilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes,
                        Path generated) {
        this.success = success;
        this.diagnostics = diagnostics;
        this.classes = classes;
        this.generated = generated;
    }

    /**
     * Compiles the sources.
     *
     * @param dir an empty directory for the output
     * @param sources source text by qualified class name
     * @param processor whether {@link BuilderProcessor} runs (if not, {@code -proc:none})
     * @param options further javac options
     * @return the outcome
     */
    static Compilation run(Path dir, Map<String, String> sources, boolean processor, String... options) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            Path classes = Files.createDirectories(dir.resolve("classes"));
            Path generated = Files.createDirectories(dir.resolve("generated"));
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
            List<String> arguments = new ArrayList<>(List.of("--release", "17"));
            if (!processor) {
                arguments.add("-proc:none");
            }
            arguments.addAll(List.of(options));
            List<JavaFileObject> units = sources.entrySet().stream()
                    .map(e -> source(e.getKey(), e.getValue())).collect(Collectors.toList());
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, arguments, null, units);
            if (processor) {
                task.setProcessors(List.<Processor>of(new BuilderProcessor()));
            }
            boolean success = task.call();
            return new Compilation(success, diagnostics.getDiagnostics(), classes, generated);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JavaFileObject source(String className, String text) {
        URI uri = URI.create("string:///" + className.replace('.', '/') + JavaFileObject.Kind.SOURCE.extension);
        return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }

    boolean success() {
        return success;
    }

    /** Every diagnostic of the given kind, as "message" texts. */
    List<String> messages(Diagnostic.Kind kind) {
        return diagnostics.stream().filter(d -> d.getKind() == kind).map(d -> d.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
    }

    /** All diagnostics, for failure messages. */
    String report() {
        return diagnostics.stream().map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT) + " at "
                + (d.getSource() == null ? "?" : d.getSource().getName()) + ":" + d.getLineNumber())
                .collect(Collectors.joining("\n"));
    }

    /**
     * The text of a generated source file.
     *
     * @param className its qualified class name
     * @return the text
     */
    String generatedSource(String className) {
        try {
            return Files.readString(generatedFile(className));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path generatedFile(String className) {
        return generated.resolve(className.replace('.', '/') + ".java");
    }

    /** A class loader over the compiled classes, on top of the platform class loader; close it after use. */
    URLClassLoader loader() {
        try {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}

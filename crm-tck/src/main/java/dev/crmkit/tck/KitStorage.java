package dev.crmkit.tck;

import dev.crmkit.spi.Storage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a group of the kit's tests a new storage of the adapter under test: the kit's nested classes
 * run inside the adapter's test, whose {@link StorageCompatibilityKit#newStorage()} makes the test's storage
 * and {@link StorageCompatibilityKit#newOtherStorage()} every other one a test method asks for.
 */
final class KitStorage implements ParameterResolver {

    /** Used by JUnit. */
    KitStorage() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Storage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        StorageCompatibilityKit kit = context.getRequiredTestInstances().getAllInstances().stream()
                .filter(StorageCompatibilityKit.class::isInstance).map(StorageCompatibilityKit.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("a kit group runs inside an adapter's kit"));
        // The set-up gets the test's storage; a test method's own parameters get other ones.
        return parameter.getDeclaringExecutable().isAnnotationPresent(BeforeEach.class) ? kit.newStorage()
                : kit.newOtherStorage();
    }
}

package dev.crmkit.tck;

import dev.crmkit.spi.Storage;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a group of the kit's tests a new storage of the adapter under test: the kit's nested classes
 * run inside the adapter's test, whose {@link StorageCompatibilityKit#newStorage()} makes it.
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
        return context.getRequiredTestInstances().getAllInstances().stream()
                .filter(StorageCompatibilityKit.class::isInstance).map(StorageCompatibilityKit.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("a kit group runs inside an adapter's kit"))
                .newStorage();
    }
}

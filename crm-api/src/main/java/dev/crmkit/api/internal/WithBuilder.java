package dev.crmkit.api.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks crm-builder's annotation processor to write a builder for a record ({@code Deal} gets
 * {@code DealBuilder}) at compile time. Source retention: nothing of it is left in the compiled classes,
 * so crm-api keeps no dependency on the processor.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface WithBuilder {
}

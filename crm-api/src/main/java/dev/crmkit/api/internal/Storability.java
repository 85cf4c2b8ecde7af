package dev.crmkit.api.internal;

import dev.crmkit.api.Limits;
import dev.crmkit.api.Text;
import dev.crmkit.api.ValidationException;
import dev.crmkit.api.Violation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The last check before a record reaches storage: every text in it (at any depth of its components,
 * optional values and collections) is one every adapter stores as it is (no NUL or other control
 * characters beside tabs and line breaks, no unpaired surrogates, at most {@link Limits#MESSAGE_BODY}
 * code points), every date and instant lies in the range every adapter keeps, and no collection holds more
 * than {@link Limits#PAGE_SIZE} values. The commands check each field against its own bound first, with
 * paths a user understands; this catches whatever a future code path might forget, so the in-memory
 * adapter never keeps what PostgreSQL could not. crm-core checks every record it writes, and a restore from a
 * backup every record it reads. Pure and thread-safe; not for applications.
 */
public final class Storability {

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private Storability() {
    }

    /**
     * Throws when a record holds anything some adapter could not store.
     *
     * @param record the record about to be stored
     * @throws ValidationException naming every such value by its path
     */
    public static void require(Object record) {
        List<Violation> found = new ArrayList<>();
        visit("", record, found);
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }

    private static void visit(String path, Object value, List<Violation> found) {
        if (value == null) {
            return;
        }
        if (value instanceof String s) {
            found.addAll(Text.check(path, s, Limits.MESSAGE_BODY, true));
        } else if (value instanceof LocalDate d) {
            if (!Limits.isStorable(d)) {
                found.add(Violation.of(path, "date.range", d, Limits.EARLIEST_DATE, Limits.LATEST_DATE));
            }
        } else if (value instanceof Instant i) {
            if (!Limits.isStorable(i)) {
                found.add(Violation.of(path, "datetime.range", i, Limits.EARLIEST_INSTANT, Limits.LATEST_INSTANT));
            }
        } else if (value instanceof URI u) {
            found.addAll(Text.checkCode(path, u.toString(), Limits.URL));
        } else if (value instanceof Locale l) {
            // Adapters store a locale as its string, which new Locale(...) does not check.
            found.addAll(Text.checkCode(path, l.toString(), Limits.CODE));
        } else if (value instanceof Optional<?> o) {
            o.ifPresent(v -> visit(path, v, found));
        } else if (value instanceof Collection<?> c) {
            if (c.size() > Limits.PAGE_SIZE) {
                found.add(Violation.of(path, "collection.too_many", c.size(), Limits.PAGE_SIZE));
            }
            int i = 0;
            for (Object element : c) {
                visit(path + "[" + i++ + "]", element, found);
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent c : COMPONENTS.get(value.getClass())) {
                visit(path.isEmpty() ? c.getName() : path + "." + c.getName(), read(c, value), found);
            }
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}

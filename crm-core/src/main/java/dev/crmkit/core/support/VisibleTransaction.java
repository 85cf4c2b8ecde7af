package dev.crmkit.core.support;

import dev.crmkit.api.AccessDeniedException;
import dev.crmkit.api.Entity;
import dev.crmkit.api.EntityId;
import dev.crmkit.api.NotFoundException;
import dev.crmkit.api.RecordRef;
import dev.crmkit.api.contact.Company;
import dev.crmkit.api.contact.Contact;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.query.Filter;
import dev.crmkit.api.query.Slice;
import dev.crmkit.api.task.Task;
import dev.crmkit.api.timeline.TimelineEntry;
import dev.crmkit.spi.Companies;
import dev.crmkit.spi.Contacts;
import dev.crmkit.spi.Deals;
import dev.crmkit.spi.Store;
import dev.crmkit.spi.Tasks;
import dev.crmkit.spi.Timeline;
import dev.crmkit.spi.Transaction;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A transaction as one user sees it (CON-8, USER-5): its ports answer only with records the user may see, and
 * refuse changes of records the user may not change. Queries and counts get the user's scope as a filter the
 * storage evaluates ({@link Filter.Within}); what has no filter form (tasks and timeline entries, seen with
 * their record) is filtered as it is read. A record looked up by id that the user may not see is not found;
 * an update or deletion of one the user sees but may not change is an {@link AccessDeniedException}, checked
 * on the stored record before anything is written. The operations that must see everything (duplicate
 * detection, keeping references whole) use the raw transaction ({@link Unit#system()}).
 */
final class VisibleTransaction {

    /** The entity type each port with access rules holds. */
    private static final Map<Class<?>, Class<?>> ENTITIES = Map.of(Contacts.class, Contact.class,
            Companies.class, Company.class, Deals.class, Deal.class, Tasks.class, Task.class,
            Timeline.class, TimelineEntry.class);

    private VisibleTransaction() {
    }

    /** The user's view of a transaction: the transaction itself for a user who sees everything. */
    static Transaction of(Transaction raw, Access access) {
        if (access.all()) {
            return raw;
        }
        Map<Method, Object> ports = new HashMap<>();
        InvocationHandler tx = (proxy, method, args) -> {
            Class<?> entity = ENTITIES.get(method.getReturnType());
            if (entity == null || method.getParameterCount() != 0) {
                return call(raw, method, args);
            }
            Object port = ports.get(method);
            if (port == null) {
                port = port(method.getReturnType(), call(raw, method, null), entity, access);
                ports.put(method, port);
            }
            return port;
        };
        return (Transaction) Proxy.newProxyInstance(Transaction.class.getClassLoader(),
                new Class<?>[] {Transaction.class}, tx);
    }

    private static Object port(Class<?> type, Object raw, Class<?> entity, Access access) {
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "query":
                case "count":
                    args[0] = scoped(access, entity, (Filter<?>) args[0]);
                    return visible(access, call(raw, method, args));
                case "update":
                    requireChange(access, raw, (Entity<?>) args[0]);
                    return call(raw, method, args);
                case "delete":
                    requireChange(access, raw, ((Store<?, ?>) raw).get(cast(args[0])));
                    return call(raw, method, args);
                case "get":
                    Object found = call(raw, method, args);
                    if (!access.sees(found)) {
                        throw new NotFoundException(RecordRef.of((EntityId) args[0]));
                    }
                    return found;
                default:
                    return visible(access, call(raw, method, args));
            }
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    @SuppressWarnings("unchecked")
    private static <I extends EntityId> I cast(Object id) {
        return (I) id;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Filter<?> scoped(Access access, Class<?> entity, Filter<?> filter) {
        Optional<Filter<Object>> scope = access.scope((Class<Object>) entity);
        return scope.isEmpty() ? filter : new Filter.Within(scope.get(), filter);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void requireChange(Access access, Object raw, Entity<?> changed) {
        Optional<?> stored = ((Store) raw).find(changed.id());
        if (stored.isPresent()) {
            if (!access.sees(stored.get())) {
                throw new NotFoundException(RecordRef.of(changed.id()));
            }
            access.requireChange(stored.get(), changed.id().toString());
        }
    }

    /** A port's answer with what the user may not see left out. */
    private static Object visible(Access access, Object result) {
        if (result instanceof Optional<?> o) {
            return o.filter(access::sees);
        }
        if (result instanceof Slice<?> s) {
            List<?> items = s.items().stream().filter(access::sees).collect(Collectors.toList());
            return items.size() == s.items().size() ? s : new Slice<>(items, s.next());
        }
        if (result instanceof Stream<?> st) {
            return st.filter(access::sees);
        }
        if (result instanceof List<?> l) {
            return l.stream().filter(access::sees).collect(Collectors.toList());
        }
        if (result instanceof Collection<?>) {
            throw new IllegalStateException("a port answer of an unexpected kind: " + result.getClass());
        }
        return result;
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

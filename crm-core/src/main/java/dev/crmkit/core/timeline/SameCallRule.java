package dev.crmkit.core.timeline;

import dev.crmkit.api.ValidationException;
import dev.crmkit.api.phone.PhoneNumber;
import dev.crmkit.api.timeline.Call;
import dev.crmkit.api.timeline.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Whether a call one integration reports is one another integration reported already (ACT-2): same
 * direction, same numbers (compared on their match keys, CON-4), starts within a window. Two reports
 * from the same integration under different ids are two calls. Pure: never reads storage.
 */
final class SameCallRule {

    /** The match keys of a call's two numbers. */
    record Numbers(String from, String to) {
    }

    private SameCallRule() {
    }

    static Numbers numbers(String from, String to) {
        return new Numbers(key(from), key(to));
    }

    static Optional<Call> findSame(List<Call> candidates, String integration, Direction direction, String from,
                                   String to, Instant start, Duration window) {
        Numbers wanted = numbers(from, to);
        return candidates.stream()
                .filter(c -> c.integration().isPresent() && !c.integration().get().equals(integration))
                .filter(c -> c.direction() == direction)
                .filter(c -> numbers(c.fromNumber(), c.toNumber()).equals(wanted))
                .filter(c -> Duration.between(c.at(), start).abs().compareTo(window) <= 0)
                .findFirst();
    }

    private static String key(String raw) {
        try {
            return PhoneNumber.parse(raw).matchKey();
        } catch (ValidationException e) {
            return raw.strip();
        }
    }
}

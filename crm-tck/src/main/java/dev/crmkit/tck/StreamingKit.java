package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import dev.crmkit.api.deal.Deal;
import dev.crmkit.api.deal.Pipeline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Reading everything. */
abstract class StreamingKit extends StorageKitBase {

    @Test
    @DisplayName("streamAll returns every record in id order, with the transaction's own writes")
    void streamAllReturnsEveryRecordInIdOrder() {
        Pipeline p = pipeline("Sales", 0);
        List<Deal> stored = IntStream.range(0, 25).mapToObj(i -> deal("D" + i, p, owner(), null))
                .collect(Collectors.toList());
        Deal pending = data.aDeal("Pending", p, owner().id(), null);
        storage.run(tx -> {
            tx.deals().insert(pending);
            tx.deals().delete(stored.get(0).id(), 1);
            try (Stream<Deal> all = tx.deals().streamAll()) {
                List<Deal> expected = new ArrayList<>(stored.subList(1, 25));
                expected.add(pending);
                expected.sort(Comparator.comparing(Deal::id, dev.crmkit.api.EntityId.ORDER));
                assertThat(all.collect(Collectors.toList())).isEqualTo(expected);
            }
        });
    }
}

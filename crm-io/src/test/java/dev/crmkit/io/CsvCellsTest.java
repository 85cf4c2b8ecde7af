package dev.crmkit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    @Tag("IO-5")
    @DisplayName("cells beginning with =, +, -, @, tab or CR get an apostrophe; others stay as they are")
    void neutralizes() {
        assertThat(CsvCells.neutralize("=HYPERLINK(\"http://evil\")")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(CsvCells.neutralize("+7 901 776-34-34")).isEqualTo("'+7 901 776-34-34");
        assertThat(CsvCells.neutralize("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.neutralize("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.neutralize("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.neutralize("\r=1")).isEqualTo("'\r=1");
        assertThat(CsvCells.neutralize("Ivan = boss")).isEqualTo("Ivan = boss");
        assertThat(CsvCells.neutralize("")).isEmpty();
    }

    @Test
    @Tag("IO-5")
    @DisplayName("restoring a neutralized cell gives back exactly the value, for 20,000 seeded random texts")
    void roundTrip() {
        SplittableRandom random = new SplittableRandom(15);
        String alphabet = "=+-@\t\r'a1 Я\"";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(6);
            for (int j = 0; j < length; j++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = value.toString();
            String cell = CsvCells.neutralize(text);
            assertThat(CsvCells.restore(cell)).as("value <%s>", text).isEqualTo(text);
            if (!cell.isEmpty()) {
                assertThat("=+-@\t\r").as("cell <%s> starts safely", cell).doesNotContain(cell.substring(0, 1));
            }
        }
    }

    @Test
    @Tag("IO-4")
    @DisplayName("a phone Excel wrote as 7.9017763434E+10 is recovered; one whose digits were cut is not")
    void scientificPhones() {
        assertThat(CsvCells.scientific("7.9017763434E+10")).isTrue();
        assertThat(CsvCells.recoverPhone("7.9017763434E+10")).contains("79017763434");
        assertThat(CsvCells.recoverPhone("7,9017763434E+10")).contains("79017763434");
        assertThat(CsvCells.scientific("7.90177E+10")).isTrue();
        assertThat(CsvCells.recoverPhone("7.90177E+10")).isEmpty();
        assertThat(CsvCells.scientific("+7 901 776-34-34")).isFalse();
    }
}

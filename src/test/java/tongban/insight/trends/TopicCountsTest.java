package tongban.insight.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tongban.hotline.TicketDigests.TicketDigest;
import tongban.hotline.TicketId;
import tongban.insight.trends.TopicCounts.Kind;
import tongban.insight.trends.TopicCounts.Topic;
import tongban.shared.Clocks;

/** Which window a ticket counts in, which township, and which terms. */
class TopicCountsTest {

	private static final LocalDate END = LocalDate.of(2026, 12, 6);

	private static TicketDigest ticket(LocalDate day, String region, String text) {
		OffsetDateTime at = day.atTime(23, 30).atZone(Clocks.ZONE).toOffsetDateTime();
		return new TicketDigest(new TicketId(UUID.randomUUID()), "T" + day, "CS0202", region, at, text);
	}

	@Test
	void ticketsCountInTheirSevenDayWindowAndOlderOnesAreLeftOut() {
		TopicCounts counts = new TopicCounts(END);
		assertThat(counts.windowStart()).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(counts.firstDay()).isEqualTo(END.minusDays(62));
		counts.add(ticket(END, "330106011", "噪声"));
		counts.add(ticket(END.minusDays(6), "330106011", "噪声"));
		counts.add(ticket(END.minusDays(7), "330106011", "噪声"));
		counts.add(ticket(END.minusDays(62), "330106011", "噪声"));
		counts.add(ticket(END.minusDays(63), "330106011", "噪声"));
		counts.add(ticket(END.plusDays(1), "330106011", "噪声"));
		TopicCounts.Tally tally = counts.tallies().get(new Topic(Kind.CATEGORY, "CS0202", "330106011"));
		assertThat(tally.windows).containsExactly(2, 1, 0, 0, 0, 0, 0, 0, 1);
		assertThat(tally.current).hasSize(2);
		assertThat(tally.baseline()).containsExactly(1, 0, 0, 0, 0, 0, 0, 1);
	}

	@Test
	void aVillageCountsForItsTownshipAndADistrictForItself() {
		assertThat(TopicCounts.township("330106011001")).isEqualTo("330106011");
		assertThat(TopicCounts.township("330106011")).isEqualTo("330106011");
		assertThat(TopicCounts.township("330106")).isEqualTo("330106");
	}

	@Test
	void termsAreWordsOfTwoOrMoreCharactersOnceEachLessTheCommonOnes() {
		assertThat(TopicCounts.terms("工地夜间施工噪声扰民，施工噪声很大，希望相关部门处理 13812345678"))
			.contains("施工", "噪声", "扰民")
			.doesNotContain("希望", "相关", "部门", "处理", "13812345678")
			.doesNotHaveDuplicates();
	}
}

package tongban.insight.trends;

import java.util.ArrayList;
import java.util.List;

import tongban.hotline.NewTicket;
import tongban.hotline.Submitted;
import tongban.hotline.TicketIntake;
import tongban.hotline.TicketSource;

/** A noise-complaint surge made through hotline's API: 施工噪声 (CS0202) tickets from 蒋村街道 (330106011). */
final class NoiseSurge {

	static final String CATEGORY = "CS0202";
	static final String TOWNSHIP = "330106011";

	private NoiseSurge() {
	}

	/** Submits {@code count} tickets as an operator and answers their numbers. */
	static List<String> submit(TicketIntake intake, int count) {
		List<String> numbers = new ArrayList<>();
		for (int n = 0; n < count; n++) {
			Submitted submitted = intake.submit(new NewTicket("COMPLAINT", CATEGORY, null, TOWNSHIP, "蒋村街道文新路 " + (n + 1) + " 号", null, null,
					"工地夜间施工噪声扰民，凌晨还在打桩，联系电话 13812345678", "居民", "13812345678", null, false, List.of()),
					TicketSource.operator("测试话务员"));
			if (!submitted.ok()) {
				throw new AssertionError(submitted.problems());
			}
			numbers.add(submitted.number());
		}
		return numbers;
	}
}

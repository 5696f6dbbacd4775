package tongban.insight;

/**
 * An item whose applicants came to a window more often than the catalogue declares (实际跑动次数 above 承诺跑动次数):
 * over the concluded {@code cases} of a filter, {@code measured} counter visits against {@code declared} (both summed).
 */
public record VisitGap(String itemCode, String itemName, long cases, long measured, long declared) {

	public double measuredPerCase() {
		return cases == 0 ? 0 : (double) measured / cases;
	}

	public double declaredPerCase() {
		return cases == 0 ? 0 : (double) declared / cases;
	}
}

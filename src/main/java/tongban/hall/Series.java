package tongban.hall;

/**
 * A queue series (号段) of a point: its letter starts each number (A007). A window calls the series it is set to
 * ({@code directory.ServicePoints.PointWindow#series()}); every window calls the green channel first.
 */
public enum Series {
	/** 综合: every item at a 综合窗口. */
	A("综合业务", false),
	/** 企业: companies and their agents. */
	B("企业业务", false),
	/** 绿色通道: the elderly (65+), the disabled, pregnant women; called before the other series. */
	G("绿色通道（老年人、残疾人、孕妇）", true);

	private final String label;
	private final boolean priority;

	Series(String label, boolean priority) {
		this.label = label;
		this.priority = priority;
	}

	public String label() {
		return label;
	}

	/** Whether numbers of this series are called before the others at every window. */
	public boolean priority() {
		return priority;
	}
}

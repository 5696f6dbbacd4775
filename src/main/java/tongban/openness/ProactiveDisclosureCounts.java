package tongban.openness;

/**
 * Section 二 of the 政府信息公开工作年度报告 (主动公开政府信息情况, the 2021 national format), counted from the
 * publications the platform holds: the publications side implements it, the annual report reads it.
 */
public interface ProactiveDisclosureCounts {

	/** 本年制发件数, 本年废止件数, 现行有效件数. */
	record Row(int issued, int repealed, int inForce) {
	}

	/** 规章 issued by the department in the year. */
	Row regulations(String departmentCode, int year);

	/** 行政规范性文件 issued by the department in the year. */
	Row normativeDocuments(String departmentCode, int year);
}

package tongban.openness.domain;

import java.util.List;

/** The closed vocabularies of a policy document and an interpretation. */
public final class PolicyTerms {

	/** 文种: 规章, 行政规范性文件, or another policy document (counted apart in the annual report). */
	public enum DocType {
		REGULATION, NORMATIVE, OTHER
	}

	/** 公开方式 (政府信息公开条例 Arts. 19–20, 27, 14–16). */
	public enum Disclosure {
		PROACTIVE, ON_REQUEST, NOT_DISCLOSED
	}

	/** 政策解读 forms: text, 图解 (pictures with text), 问答. */
	public enum InterpretationForm {
		TEXT, GRAPHIC, QA
	}

	/** 通知公告 or 政务动态. */
	public enum ArticleCategory {
		NOTICE, NEWS
	}

	/** 国务院公文主题分类 (top level), offered in the editor's form. */
	public static final List<String> TOPICS = List.of("综合政务", "国民经济管理、国有资产监管", "财政、金融、审计", "国土资源、能源",
			"农业、林业、水利", "工业、交通", "商贸、海关、旅游", "市场监管、安全生产监管", "城乡建设、环境保护", "科技、教育", "文化、广电、新闻出版",
			"卫生、体育", "人口与计划生育、妇女儿童工作", "劳动、人事、监察", "公安、安全、司法", "民政、扶贫、救灾", "民族、宗教", "对外事务",
			"港澳台侨工作", "国防", "其他");

	private PolicyTerms() {
	}
}

package tongban.insight.channels;

/** Where a 政务新媒体 account lives. */
public enum MediaPlatform {
	WECHAT, WEIBO, DOUYIN, TOUTIAO
}

/**
 * 政务公开与政民互动: publications and policies with their interpretations, each department's 公开指南, 公开目录 and
 * annual report, 依申请公开 (disclosure on request) on the working calendar, 征求意见 consultations, leaders' mailboxes
 * (a channel of the 12345 hotline), and a knowledge base that hotline operators and citizens draw answers from.
 */
@ApplicationModule(displayName = "Openness")
package tongban.openness;

import org.springframework.modulith.ApplicationModule;

package tongban.approval;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

import tongban.shared.Clocks;

/**
 * Gives each new task of a case's process the case's due date, read from the process variable {@value #VARIABLE}
 * while the task is still being created (so it is inserted with its due date, not updated afterwards). Templates and
 * uploaded BPMN files need no due-date expression of their own; the inbox sorts by this date in the database.
 */
@Component
class TaskDue implements FlowableEventListener, EngineConfigurationConfigurer<SpringProcessEngineConfiguration> {

	/** The process variable holding the due date (a {@link Date} at the start of the day in Asia/Shanghai). */
	static final String VARIABLE = "due";

	static Date date(LocalDate day) {
		return Date.from(day.atStartOfDay(Clocks.ZONE).toInstant());
	}

	@Override
	public void configure(SpringProcessEngineConfiguration engine) {
		engine.setTypedEventListeners(Map.of(FlowableEngineEventType.TASK_CREATED.name(), List.of(this)));
	}

	@Override
	public void onEvent(FlowableEvent event) {
		if (event instanceof FlowableEntityEvent e && e.getEntity() instanceof TaskEntity task && task.getProcessInstanceId() != null
				&& task.getDueDate() == null && task.getVariable(VARIABLE) instanceof Date due) {
			task.setDueDate(due);
		}
	}

	@Override
	public boolean isFailOnException() {
		return true;
	}

	@Override
	public boolean isFireOnTransactionLifecycleEvent() {
		return false;
	}

	@Override
	public String getOnTransaction() {
		return null;
	}
}

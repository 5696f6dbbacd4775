/** BPMN processes (Flowable) for cases: process start on submission, staff tasks, decisions, the clock on the workbench. */
package tongban.approval;

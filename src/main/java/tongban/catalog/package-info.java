/** One catalogue of service items (统一事项管理): items, versions, standard guides, themes, the publishing gate. */
package tongban.catalog;

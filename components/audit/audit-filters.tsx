import { SelectField, TextField } from "@/components/ui/field";
import { DayRangeFields, FilterForm } from "@/components/ui/filter-form";
import type { FieldErrors } from "@/lib/actions/result";
import { auditFilterCount, type AuditSearch } from "@/lib/validation/audit";
import { actionGroupLabel, actionLabel, OUTCOME_LABELS } from "./audit-model";

export { OUTCOME_LABELS };

/**
 * The audit log's filters, kept in the URL (see FilterForm). Applying filters starts again at the
 * newest entry, details closed.
 */
export function AuditFilters({
  path,
  search,
  errors,
  actions,
}: {
  /** Where the form submits to (the page showing the log). */
  path: string;
  search: AuditSearch;
  errors: FieldErrors;
  /** Action names recorded so far, offered in the action list. */
  actions: string[];
}) {
  return (
    <FilterForm path={path} label="Filter the audit log" active={auditFilterCount(search)} errors={errors}>
      <TextField
        label="Search"
        name="q"
        type="search"
        defaultValue={search.q ?? ""}
        hint="Summary, address, order id, TrackingKey or error"
        errors={errors.q}
        className="sm:col-span-2"
      />
      <TextField
        label="Who"
        name="actor"
        type="search"
        defaultValue={search.actor ?? ""}
        hint="Name or email, or part of it"
        errors={errors.actor}
      />
      <TextField
        label="Domain"
        name="domain"
        type="search"
        defaultValue={search.domain ?? ""}
        hint="Or part of it"
        errors={errors.domain}
      />
      <SelectField label="Action" name="action" defaultValue={search.action ?? ""} errors={errors.action}>
        <ActionOptions actions={actions} selected={search.action} />
      </SelectField>
      <SelectField label="Outcome" name="outcome" defaultValue={search.outcome ?? ""} errors={errors.outcome}>
        <option value="">Any outcome</option>
        {Object.entries(OUTCOME_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <DayRangeFields search={search} errors={errors} />
    </FilterForm>
  );
}

/** Actions grouped by their first word (`mailbox.create` under "mailbox"), each group also selectable whole. */
function ActionOptions({ actions, selected }: { actions: string[]; selected: string | undefined }) {
  const groups = new Map<string, string[]>();
  for (const action of actions) {
    const group = action.split(".")[0] ?? action;
    groups.set(group, [...(groups.get(group) ?? []), action]);
  }
  const known = new Set([...actions, ...groups.keys()]);
  return (
    <>
      <option value="">All actions</option>
      {/* A filter from a shared link that this log has no entries for yet stays selectable. */}
      {selected && !known.has(selected) ? <option value={selected}>{actionLabel(selected)}</option> : null}
      {[...groups].map(([group, members]) => {
        const name = actionGroupLabel(group);
        return (
          <optgroup key={group} label={name.charAt(0).toUpperCase() + name.slice(1)}>
            <option value={group}>All {name} actions</option>
            {members
              .filter((action) => action !== group)
              .map((action) => (
                <option key={action} value={action}>
                  {actionLabel(action)}
                </option>
              ))}
          </optgroup>
        );
      })}
    </>
  );
}

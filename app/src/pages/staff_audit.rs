//! `/staff/audit`: every staff action, newest first, filtered by staff member, kind of action,
//! object and dates with a plain GET form; older entries page by entry id; the same filter as CSV
//! at `/staff/audit.csv`.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_location, use_query_map};

use klimadialog::audit::{AuditAction, AuditGroup, AuditObject};

use crate::i18n::{
    audit_action_name, audit_group_name, audit_object_name, use_language, use_locale, use_texts,
};
use crate::pages::staff::StaffRefusal;
use crate::server_fns::audit::{AuditPage, AuditQuery, AuditRow, load_audit};

#[component]
pub fn StaffAuditPage() -> impl IntoView {
    let t = &use_language().team;
    let all = use_texts();
    let search = use_location().search.get_untracked();
    let query = AuditQuery::parse(&search);
    let before = use_query_map()
        .read_untracked()
        .get("before")
        .and_then(|b| b.parse::<i64>().ok());
    let base_query = query.to_query();
    view! {
        <Title text=format!("{} – {}", t.audit_title, all.site_name) />
        <Meta name="robots" content="noindex" />
        <Suspense>
            {Suspend::new(async move {
                match load_audit(query.clone(), before).await {
                    Ok(AuditPage { rows, older, staff_names }) => {
                        let glue = if base_query.is_empty() { "" } else { "&" };
                        view! {
                            <h1>{t.audit_title}</h1>
                            <AuditFilterForm query=query.clone() staff_names />
                            <p>
                                <a href=format!("/staff/audit.csv?{base_query}") download="">
                                    {t.download_csv}
                                </a>
                            </p>
                            {if rows.is_empty() {
                                view! { <p>{t.nothing}</p> }.into_any()
                            } else {
                                view! { <AuditTable rows /> }.into_any()
                            }}
                            <nav class="pager">
                                {before
                                    .is_some()
                                    .then(|| {
                                        view! {
                                            <a href=format!("/staff/audit?{base_query}")>{t.newest}</a>
                                        }
                                    })}
                                {older
                                    .map(|id| {
                                        view! {
                                            <a href=format!(
                                                "/staff/audit?{base_query}{glue}before={id}",
                                            )>{t.older}</a>
                                        }
                                    })}
                            </nav>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <StaffRefusal error here="/staff/audit" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AuditFilterForm(query: AuditQuery, staff_names: Vec<String>) -> impl IntoView {
    let t = &use_language().team;
    let option = |value: &str, label: String, current: &str| {
        view! {
            <option value=value.to_owned() selected=current == value>
                {label}
            </option>
        }
    };
    let locale = use_locale();
    let actions: Vec<(String, &str)> = AuditGroup::ALL
        .iter()
        .map(|g| (format!("{}.", g.as_str()), audit_group_name(*g, locale)))
        .collect();
    let objects: Vec<(&str, &str)> = AuditObject::ALL
        .iter()
        .map(|o| (o.as_str(), audit_object_name(*o, locale)))
        .collect();
    view! {
        <form method="get" action="/staff/audit" class="filters" aria-label=t.filter>
            <div class="field">
                <label for="audit-staff">{t.staff_member}</label>
                <select id="audit-staff" name="staff">
                    {option("", t.all.to_owned(), &query.staff)}
                    // Usernames are names, not texts to translate.
                    {staff_names
                        .iter()
                        .map(|n| {
                            view! {
                                <option value=n.clone() selected=query.staff == *n translate="no">
                                    {n.clone()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="audit-action">{t.action}</label>
                <select id="audit-action" name="action">
                    {option("", t.all.to_owned(), &query.action)}
                    {actions
                        .iter()
                        .map(|(v, l)| option(v, (*l).to_owned(), &query.action))
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="audit-object">{t.object}</label>
                <select id="audit-object" name="object">
                    {option("", t.all.to_owned(), &query.object)}
                    {objects
                        .iter()
                        .map(|(v, l)| option(v, (*l).to_owned(), &query.object))
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="audit-id">{t.object_id}</label>
                <input
                    id="audit-id"
                    name="id"
                    type="text"
                    inputmode="numeric"
                    value=query.id.clone()
                />
            </div>
            <div class="field">
                <label for="audit-from">{t.from}</label>
                <input id="audit-from" name="from" type="date" value=query.from.clone() />
            </div>
            <div class="field">
                <label for="audit-until">{t.until}</label>
                <input id="audit-until" name="until" type="date" value=query.until.clone() />
            </div>
            <button type="submit" class="button">
                {t.show}
            </button>
        </form>
    }
}

#[component]
fn AuditTable(rows: Vec<AuditRow>) -> impl IntoView {
    let t = &use_language().team;
    let locale = use_locale();
    view! {
        <div class="table-scroll" role="region" aria-label=t.audit_title tabindex="0">
            <table class="audit">
                <thead>
                    <tr>
                        <th scope="col">{t.when}</th>
                        <th scope="col">{t.staff_member}</th>
                        <th scope="col">{t.action}</th>
                        <th scope="col">{t.object}</th>
                        <th scope="col">{t.before}</th>
                        <th scope="col">{t.after}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|row| {
                            let kind = AuditObject::parse(&row.object_type)
                                .map_or(
                                    row.object_type.clone(),
                                    |o| audit_object_name(o, locale).to_owned(),
                                );
                            let object = match (
                                AuditObject::parse(&row.object_type),
                                row.object_id,
                            ) {
                                (Some(AuditObject::Idea), Some(id)) => {
                                    // Entries are named in the reader's language; a stored name this version
                                    // does not know (from a newer one) shows as stored.
                                    view! {
                                        <a href=format!("/ideas/{id}")>{format!("{kind} {id}")}</a>
                                    }
                                        .into_any()
                                }
                                (_, Some(id)) => format!("{kind} {id}").into_any(),
                                (_, None) => kind.into_any(),
                            };
                            let action = AuditAction::parse(&row.action)
                                .map_or(
                                    row.action.clone(),
                                    |a| audit_action_name(a, locale).to_owned(),
                                );
                            view! {
                                <tr>
                                    <td>
                                        <time datetime=row
                                            .at
                                            .rfc3339_utc()>{row.at.local_minute()}</time>
                                    </td>
                                    <td>{crate::pages::staff::staff_name(row.staff, t.system)}</td>
                                    // The stored name for tools and tests; staff read the name, and the CSV has both.
                                    <td>
                                        <span data-action=row.action.clone()>{action}</span>
                                    </td>
                                    <td>{object}</td>
                                    <td>
                                        <code class="json" translate="no">
                                            {row.before.unwrap_or_default()}
                                        </code>
                                    </td>
                                    <td>
                                        <code class="json" translate="no">
                                            {row.after.unwrap_or_default()}
                                        </code>
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

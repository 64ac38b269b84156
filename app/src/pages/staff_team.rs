//! `/staff/team`: admins add staff accounts, change roles, disable and enable accounts and set
//! new passwords. Plain forms; each change lands in the audit log.

use klimadialog::staff::StaffRole;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::{Meta, Title};
use leptos_router::params::Params;

use crate::i18n::{use_language, use_texts};
use crate::pages::staff::StaffRefusal;
use crate::server_fns::team::{
    AddTeamMember, ChangeTeamMember, TeamEntry, TeamPage, TeamProblem, load_team,
};
use crate::url::{Lenient, read_query};

/// What the team page's address carries after a form: the problem, what was typed, or done.
#[derive(Params, Debug, Clone, Default, PartialEq)]
struct TeamQuery {
    error: Lenient<TeamProblem>,
    user: Lenient<String>,
    role: Lenient<String>,
    done: Lenient<String>,
}

#[component]
pub fn StaffTeamPage() -> impl IntoView {
    let t = &use_language().team;
    let staff = &use_language().staff;
    let all = use_texts();
    let query: TeamQuery = read_query();
    // The field each problem is about, and what to say.
    let error = query.error.0.map(|problem| match problem {
        TeamProblem::Username => ("username", t.error_username),
        TeamProblem::Role => ("role", t.error_role),
        TeamProblem::Password => ("password", t.error_password),
        TeamProblem::Mismatch => ("password_again", t.error_mismatch),
        TeamProblem::Taken => ("username", t.error_taken),
        TeamProblem::Yourself => ("", t.error_yourself),
        TeamProblem::LastAdmin => ("", t.error_last_admin),
    });
    let typed_user = query.user.0.unwrap_or_default();
    let typed_role = query.role.0.unwrap_or_default();
    let done = query.done.0.is_some();
    view! {
        <Title text=format!("{} – {}", t.team_title, all.site_name) />
        <Meta name="robots" content="noindex" />
        <Suspense>
            {Suspend::new(async move {
                match load_team().await {
                    Ok(TeamPage { me, members }) => {
                        let field_error = |field: &str| {
                            error.filter(|(f, _)| *f == field).map(|(_, m)| m)
                        };
                        let (user_error, role_error, password_error, again_error) = (
                            field_error("username"),
                            field_error("role"),
                            field_error("password"),
                            field_error("password_again"),
                        );
                        let general = error.filter(|(f, _)| f.is_empty()).map(|(_, m)| m);
                        let role_choice = |value: &'static str, label: &'static str| {
                            let id = format!("new-role-{value}");
                            view! {
                                <div class="choice">
                                    <input
                                        type="radio"
                                        id=id.clone()
                                        name="role"
                                        value=value
                                        checked=typed_role == value
                                            || (typed_role.is_empty() && value == "moderator")
                                    />
                                    <label for=id>{label}</label>
                                </div>
                            }
                        };
                        view! {
                            <h1>{t.team_title}</h1>
                            {done
                                .then(|| {
                                    view! {
                                        <p class="notice" role="status">
                                            {staff.done}
                                        </p>
                                    }
                                })}
                            {general
                                .map(|m| {
                                    view! {
                                        <p class="notice error" role="alert">
                                            {m}
                                        </p>
                                    }
                                })}
                            <div
                                class="table-scroll"
                                role="region"
                                aria-label=t.team_title
                                tabindex="0"
                            >
                                <table class="team">
                                    <thead>
                                        <tr>
                                            <th scope="col">{staff.username}</th>
                                            <th scope="col">{t.role}</th>
                                            <th scope="col">{t.status}</th>
                                            <th scope="col">{t.actions_heading}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {members
                                            .into_iter()
                                            .map(|m| view! { <MemberRow member=m me /> })
                                            .collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <section id="add" aria-labelledby="add-heading">
                                <h2 id="add-heading">{t.add_heading}</h2>
                                <form
                                    method="post"
                                    action={<AddTeamMember as ServerFn>::PATH}
                                    class="stack"
                                    novalidate
                                >
                                    <div class="field">
                                        <label for="new-username">{staff.username}</label>
                                        <p id="new-username-hint" class="hint">
                                            {t.username_hint}
                                        </p>
                                        {user_error
                                            .map(|m| {
                                                view! {
                                                    <p id="new-username-error" class="field-error">
                                                        {m}
                                                    </p>
                                                }
                                            })}
                                        <input
                                            id="new-username"
                                            name="username"
                                            type="text"
                                            autocomplete="off"
                                            value=typed_user
                                            aria-invalid=user_error.map(|_| "true")
                                            aria-describedby=if user_error.is_some() {
                                                "new-username-error new-username-hint"
                                            } else {
                                                "new-username-hint"
                                            }
                                        />
                                    </div>
                                    <fieldset>
                                        <legend>{t.role}</legend>
                                        {role_error
                                            .map(|m| view! { <p class="field-error">{m}</p> })}
                                        {role_choice("moderator", staff.role_moderator)}
                                        {role_choice("admin", staff.role_admin)}
                                    </fieldset>
                                    <div class="field">
                                        <label for="new-password">{t.first_password}</label>
                                        <p id="new-password-hint" class="hint">
                                            {t.password_hint}
                                        </p>
                                        {password_error
                                            .map(|m| {
                                                view! {
                                                    <p id="new-password-error" class="field-error">
                                                        {m}
                                                    </p>
                                                }
                                            })}
                                        <input
                                            id="new-password"
                                            name="password"
                                            type="password"
                                            autocomplete="new-password"
                                            aria-invalid=password_error.map(|_| "true")
                                            aria-describedby=if password_error.is_some() {
                                                "new-password-error new-password-hint"
                                            } else {
                                                "new-password-hint"
                                            }
                                        />
                                    </div>
                                    <div class="field">
                                        <label for="new-password-again">{t.password_again}</label>
                                        {again_error
                                            .map(|m| {
                                                view! {
                                                    <p id="new-password-again-error" class="field-error">
                                                        {m}
                                                    </p>
                                                }
                                            })}
                                        <input
                                            id="new-password-again"
                                            name="password_again"
                                            type="password"
                                            autocomplete="new-password"
                                            aria-invalid=again_error.map(|_| "true")
                                            aria-describedby=again_error
                                                .map(|_| "new-password-again-error")
                                        />
                                    </div>
                                    <button type="submit" class="button">
                                        {t.add}
                                    </button>
                                </form>
                            </section>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <StaffRefusal error here="/staff/team" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MemberRow(member: TeamEntry, me: i64) -> impl IntoView {
    let t = &use_language().team;
    let staff = &use_language().staff;
    let action = <ChangeTeamMember as ServerFn>::PATH;
    let (role_name, other_role, other_label) = match member.role {
        StaffRole::Admin => (staff.role_admin, "moderator", t.make_moderator),
        StaffRole::Moderator => (staff.role_moderator, "admin", t.make_admin),
    };
    let status = if member.disabled {
        t.disabled
    } else if member.locked {
        t.locked
    } else {
        t.active
    };
    let is_me = member.id == me;
    let password_id = format!("password-{}", member.id);
    let button = |change: &'static str, label: &'static str| {
        view! {
            <form method="post" action=action class="inline-form">
                <input type="hidden" name="member" value=member.id />
                <button
                    type="submit"
                    name="change"
                    value=change
                    class="button secondary"
                    aria-label=format!("{label}: {}", member.username)
                >
                    {label}
                </button>
            </form>
        }
    };
    view! {
        <tr id=format!("member-{}", member.id)>
            <th scope="row">
                <span translate="no">{member.username.clone()}</span>
                {is_me.then(|| format!(" {}", t.you))}
            </th>
            <td>{role_name}</td>
            <td>{status}</td>
            <td class="stack">
                {(!is_me)
                    .then(|| {
                        view! {
                            {button(other_role, other_label)}
                            {if member.disabled {
                                button("enable", t.enable)
                            } else {
                                button("disable", t.disable)
                            }}
                        }
                    })} <form method="post" action=action class="inline-form">
                    <input type="hidden" name="member" value=member.id />
                    <label for=password_id.clone()>{t.new_password}</label>
                    <input
                        id=password_id.clone()
                        name="password"
                        type="password"
                        autocomplete="new-password"
                    />
                    <button
                        type="submit"
                        name="change"
                        value="password"
                        class="button secondary"
                        aria-label=format!("{}: {}", t.set_password, member.username)
                    >
                        {t.set_password}
                    </button>
                </form>
            </td>
        </tr>
    }
}

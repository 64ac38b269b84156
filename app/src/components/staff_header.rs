//! The staff header on every staff page: who is signed in, with which role, a way out, and the
//! staff menu as plain links (the page the staff member is on marked as current).

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::i18n::use_language;
use crate::server_fns::staff::{StaffBadge, StaffLogout, load_staff_badge};

/// `path`: the page's path, to mark its link.
#[component]
pub fn StaffHeader(path: String) -> impl IntoView {
    view! {
        <Suspense>
            {move || {
                let path = path.clone();
                Suspend::new(async move {
                    load_staff_badge()
                        .await
                        .ok()
                        .flatten()
                        .map(|badge| view! { <StaffMenu badge path /> })
                })
            }}
        </Suspense>
    }
}

#[component]
fn StaffMenu(badge: StaffBadge, path: String) -> impl IntoView {
    let language = use_language();
    let t = &language.staff;
    let role = if badge.admin {
        t.role_admin
    } else {
        t.role_moderator
    };
    let mut links = vec![
        ("/staff", t.dashboard_title),
        ("/staff/moderation", t.moderation_title),
        ("/staff/ideas", language.staff_ideas.title),
    ];
    if badge.admin {
        links.extend([
            ("/staff/team", language.team.team_title),
            ("/staff/audit", language.team.audit_title),
            ("/staff/areas", language.areas.title),
            ("/staff/plan", language.staff_plan.title),
        ]);
    }
    let links = links
        .into_iter()
        .map(|(href, name)| {
            let current = (path == href).then_some("page");
            view! {
                <li>
                    <a href=href aria-current=current>
                        {name}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="staff-header">
            <div class="wrap staff-header-row">
                <p class="staff-who">{(t.signed_in_as)(&badge.username, role)}</p>
                <form method="post" action={<StaffLogout as ServerFn>::PATH}>
                    <button type="submit" class="link-button">
                        {t.log_out}
                    </button>
                </form>
            </div>
            <nav class="wrap staff-nav" aria-label=t.menu>
                <ul>{links}</ul>
            </nav>
        </div>
    }
}

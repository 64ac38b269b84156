//! Server functions, grouped by area of the product. Each is thin: parse input, call the core,
//! map errors.

klimadialog::string_enum!(
    /// A notice the layout shows above any page (`?notice=`), after a form sent the visitor
    /// back or on: written by server functions and forms, read by `components::layout`.
    SiteNotice {
        /// Too many support changes or proposal steps from this visitor just now.
        TooMany => "too_many",
        TooManyIdeas => "too_many_ideas",
        AccountDeleted => "account_deleted",
    }
);

pub mod answer;
pub mod area;
pub mod argument;
pub mod argument_moderation;
pub mod audit;
pub mod follow;
pub mod ideas;
pub mod list;
pub mod map;
pub mod me;
pub mod merge;
pub mod moderation;
pub mod plan;
pub mod propose;
pub mod report;
pub mod signin;
pub mod staff;
pub mod staff_ideas;
pub mod staff_plan;
pub mod stats;
pub mod support;
pub mod team;
pub mod unsubscribe;

/// The areas, sectors and themes as select lists offer them.
#[cfg(feature = "ssr")]
pub(crate) async fn reference_choices(
    state: &crate::state::AppState,
) -> Result<
    (
        Vec<propose::Choice>,
        Vec<propose::Choice>,
        Vec<propose::Choice>,
    ),
    crate::error::AppError,
> {
    use klimadialog::listing::Bilingual;
    use propose::Choice;

    let categories = |rows: Vec<klimadialog::storage::CategoryRow>| {
        rows.into_iter()
            .map(|row| Choice {
                value: row.key,
                label: Bilingual {
                    da: row.name_da,
                    en: Some(row.name_en),
                },
            })
            .collect::<Vec<_>>()
    };
    let areas = state
        .db
        .list_areas()
        .await?
        .into_iter()
        .map(|area| Choice {
            value: area.slug.as_str().to_owned(),
            label: Bilingual {
                da: area.name,
                en: None,
            },
        })
        .collect();
    Ok((
        areas,
        categories(state.db.list_categories(false).await?),
        categories(state.db.list_categories(true).await?),
    ))
}

pub mod idea_card;
pub mod layout;
pub mod live_text;
pub mod locate_me;
pub mod share_link;
pub mod support_button;

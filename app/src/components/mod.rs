pub mod idea_card;
pub mod layout;
pub mod share_link;
pub mod support_button;

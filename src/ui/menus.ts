import { InlineKeyboard } from "grammy";
import { Actions } from "./actions.js";
import type { Translate } from "./translator.js";

// Drawn once per language (a bot's `t` is one function per language): most answers carry it.
const mainMenus = new WeakMap<Translate, InlineKeyboard>();

/** The main menu under the greeting; every entry leads somewhere that works. Shared: never add to it. */
export function mainMenu(t: Translate): InlineKeyboard {
  let menu = mainMenus.get(t);
  if (!menu) mainMenus.set(t, (menu = drawMainMenu(t)));
  return menu;
}

function drawMainMenu(t: Translate): InlineKeyboard {
  return new InlineKeyboard()
    .text(t("menu-ask"), Actions.menu.data("ask"))
    .text(t("menu-nearby"), Actions.menu.data("nearby"))
    .row()
    .text(t("menu-walk"), Actions.menu.data("walk"))
    .row()
    .text(t("menu-become-helper"), Actions.menu.data("helper"))
    .row()
    .text(t("menu-help"), Actions.menu.data("help"))
    .text(t("menu-language"), Actions.menu.data("language"));
}

/** Scenes whose draft outlives the scene: the request being written, the helper registration. */
export type DraftScene = "ask" | "helper";

/** Said after a command or button left a scene whose draft is saved: it is kept, and how to go on. */
export function keptDraftNote(t: Translate, scene: DraftScene): { text: string; keyboard: InlineKeyboard } {
  return {
    text: t(scene === "ask" ? "draft-kept-ask" : "draft-kept-helper"),
    keyboard: new InlineKeyboard()
      .text(t("draft-continue"), Actions.keptDraft.data(scene, "resume"))
      .text(t("draft-discard"), Actions.keptDraft.data(scene, "discard")),
  };
}

export function languageMenu(): InlineKeyboard {
  // Each language is named in itself, so the menu reads right whatever the current language.
  return new InlineKeyboard().text("English", Actions.chooseLanguage.data("en")).text("한국어", Actions.chooseLanguage.data("ko"));
}

package dev.swimmy.bot.core.sexp;

import dev.swimmy.bot.core.sexp.Sexp.Chr;
import dev.swimmy.bot.core.sexp.Sexp.Dotted;
import dev.swimmy.bot.core.sexp.Sexp.Lst;
import dev.swimmy.bot.core.sexp.Sexp.Str;
import dev.swimmy.bot.core.sexp.Sexp.Sym;
import dev.swimmy.bot.core.sexp.Sexp.Vec;
import dev.swimmy.bot.core.sexp.SexpParseException.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One read of one text: a cursor over its characters and a stack of open forms. Package-private;
 * {@link SexpReader} is the public face.
 *
 * <p>The characters are a window: the whole text, or for a stream ({@link Utf8Input}) the part
 * from the current form on, refilled between steps. The part before the cursor is dropped then
 * (only an open {@code #A} keeps its start, for its error position), so a long list is read in
 * bounded memory. A step that runs into the window's end while the stream goes on signals {@link
 * #NEED_MORE} before it changes anything, and is tried again on a larger window; a token is
 * therefore only ever held whole, and the window grows only as large as the longest token.
 */
final class SexpParser {
  private static final Sym QUOTE = new Sym(null, "QUOTE");
  private static final Sym FUNCTION = new Sym(null, "FUNCTION");

  /** Recently read plain symbols by their token; files repeat a few dozen keys many times. */
  private static final int SYMBOL_SLOTS = 256;

  private static final int SYMBOL_MAX_LENGTH = 64;

  /** Characters read from the first form on; only {@code s[0..end)} is text. */
  private char[] s;

  private int end;
  private final Utf8Input input;
  /** Line (1-based) and column (0-based) of {@code s[0]}: the window has dropped what was before. */
  private int baseLine = 1;

  private int baseColumn;
  private final int maxDepth;
  private final char[][] symbolTokens = new char[SYMBOL_SLOTS][];
  private final Sexp[] symbolValues = new Sexp[SYMBOL_SLOTS];
  /** Open forms, innermost last; frames and their item buffers are reused from form to form. */
  private Frame[] stack = new Frame[8];

  private int depth;
  private int pos;
  private char[] scratch = new char[32];

  /** Normal form of the key whose top-level cell is streamed, or null; see {@link #streamed}. */
  private final String streamKey;

  private final Consumer<Sexp> streamItems;
  /** Reads the streamed cell's items in place of the tree when it can; null: none. */
  private final ItemScanner scanner;

  private final ScanText scanText;
  private boolean streamStarted;
  private SexpReader.Cell streamed = SexpReader.Cell.ABSENT;
  /** The window ended inside a {@code ;} comment. */
  private boolean inLineComment;

  /** The signal that a step needs characters beyond the window; carries no stack. */
  static final RuntimeException NEED_MORE = new RuntimeException("need more input", null, false, false) {
    private static final long serialVersionUID = 1L;
  };

  /** Refill when fewer characters than this are ahead of the cursor (at most a quarter window). */
  private static final int MARGIN = 4096;

  private final int margin;

  SexpParser(char[] s, int maxDepth) {
    this(s, maxDepth, null, null);
  }

  /**
   * A parser that hands the items of the first top-level cell keyed {@code streamKey} (a normal
   * form, as {@link SexpMap#normalize}) to {@code streamItems} as they are read.
   */
  SexpParser(char[] s, int maxDepth, String streamKey, Consumer<Sexp> streamItems) {
    this.s = s;
    this.end = s.length;
    this.input = null;
    this.margin = 0;
    this.maxDepth = maxDepth;
    this.streamKey = streamKey;
    this.streamItems = streamItems;
    this.scanner = null;
    this.scanText = null;
    if (s.length > 0 && s[0] == '\uFEFF') {
      pos = 1;
    }
  }

  /**
   * A parser that pulls its characters from {@code input} through a window of {@code window}, and
   * offers each item of the streamed cell to {@code scanner} (may be null) before reading it.
   */
  SexpParser(Utf8Input input, int window, int maxDepth, String streamKey, ItemScanner scanner,
      Consumer<Sexp> streamItems) throws SexpParseException {
    this.s = new char[Math.max(window, 4)];
    this.input = input;
    this.margin = Math.min(MARGIN, s.length / 4);
    this.maxDepth = maxDepth;
    this.streamKey = streamKey;
    this.streamItems = streamItems;
    this.scanner = scanner;
    this.scanText = scanner == null ? null : new ScanText(this);
    end = input.read(s, 0);
    if (end > 0 && s[0] == '\uFEFF') {
      pos = 1;
    }
  }

  /** What became of the streamed cell, once {@link #parse} has returned. */
  SexpReader.Cell streamed() {
    return streamed;
  }

  Sexp parse() throws SexpParseException {
    while (true) {
      if (end - pos < margin && !input.exhausted()) {
        refill(false);
      }
      int at = pos;
      boolean inComment = inLineComment;
      Sexp done;
      try {
        skipBlanks();
        if (pos >= end) {
          if (input != null && !input.exhausted()) {
            continue;
          }
          if (depth == 0) {
            throw error(Kind.END_OF_FILE, "end of file before any form", pos);
          }
          Frame open = stack[depth - 1];
          throw open.start >= 0
              ? error(Kind.END_OF_FILE, "end of file inside " + open.describe(), open.start)
              : new SexpParseException(Kind.END_OF_FILE, "end of file inside " + open.describe(),
                  open.line, open.column);
        }
        at = pos;
        inComment = false;
        if (scanner != null && s[pos] == '(' && scanning()) {
          int after = scanner.scan(scanText, pos);
          if (after > pos) {
            pos = after;
            continue;
          }
        }
        done = step(s[pos]);
      } catch (RuntimeException e) {
        if (e != NEED_MORE) {
          throw e;
        }
        pos = at;
        inLineComment = inComment;
        refill(true);
        continue;
      }
      if (done != null) {
        return done;
      }
    }
  }

  /**
   * True if {@code i} is past the text. Throws {@link #NEED_MORE} if it is only past the window:
   * the step that asked is tried again once the window holds more.
   */
  boolean atEnd(int i) {
    if (i < end) {
      return false;
    }
    if (input == null || input.exhausted()) {
      return true;
    }
    throw NEED_MORE;
  }

  int end() {
    return end;
  }

  /**
   * Drops the characters before the cursor (or before an open {@code #A}) and reads more; {@code
   * grow}: the step at the cursor needs more than the window holds, so the window doubles if
   * dropping frees too little.
   */
  private void refill(boolean grow) throws SexpParseException {
    int cut = pos;
    for (int i = 0; i < depth; i++) {
      if (stack[i].kind == Frame.ARRAY && stack[i].start >= 0) {
        cut = Math.min(cut, stack[i].start);
      }
    }
    drop(cut);
    if (end + 2 > s.length || (grow && end * 2 > s.length)) {
      s = Arrays.copyOf(s, Math.max(s.length * 2, end + 2));
    }
    end = input.read(s, end);
  }

  /**
   * Forgets {@code s[0..cut)}, keeping the line and column of what stays and of open forms, in
   * one pass: open forms start in the order of their depth.
   */
  private void drop(int cut) {
    if (cut == 0) {
      return;
    }
    int f = 0;
    while (f < depth && stack[f].start < 0) {
      f++;
    }
    int lastNewline = -1;
    for (int i = 0; i < cut; i++) {
      while (f < depth && stack[f].start == i) {
        Frame frame = stack[f++];
        frame.line = baseLine;
        frame.column = (lastNewline < 0 ? baseColumn + i : i - lastNewline - 1) + 1;
        frame.start = -1;
      }
      if (s[i] == '\n') {
        baseLine++;
        lastNewline = i;
      }
    }
    for (; f < depth; f++) {
      stack[f].start -= cut;
    }
    baseColumn = lastNewline >= 0 ? cut - lastNewline - 1 : baseColumn + cut;
    System.arraycopy(s, cut, s, 0, end - cut);
    end -= cut;
    pos -= cut;
  }

  /** Consumes one token or bracket; returns the top-level form once it is complete. */
  private Sexp step(char c) throws SexpParseException {
    switch (c) {
      case '(':
        push(Frame.LIST, pos);
        pos++;
        return null;
      case ')':
        return close();
      case '\'':
        push(Frame.QUOTE, pos);
        pos++;
        return null;
      case '"':
        return emit(readString());
      case '#':
        return dispatch();
      case '`':
      case ',':
        throw error(Kind.REFUSED, "backquote syntax is not accepted in data", pos);
      default:
        return token();
    }
  }

  private Sexp close() throws SexpParseException {
    int at = pos++;
    if (depth == 0) {
      throw error(Kind.READER_ERROR, "unmatched close parenthesis", at);
    }
    Frame top = stack[--depth];
    Sexp value;
    if (top.kind == Frame.LIST) {
      if (top.state == Frame.AFTER_DOT) {
        throw error(Kind.READER_ERROR, "nothing after the dot", at);
      }
      if (top.sink != null) {
        streamed = top.tail == null ? SexpReader.Cell.LIST : SexpReader.Cell.NOT_A_LIST;
      }
      value = top.tail == null ? new Lst(top.items()) : new Dotted(top.items(), top.tail);
    } else if (top.kind == Frame.VECTOR) {
      value = new Vec(top.items());
    } else {
      throw error(Kind.READER_ERROR, "close parenthesis where " + top.describe() + " needs a form", at);
    }
    return emit(value);
  }

  /** Hands a finished form to the frame below it; returns it if it is the top-level form. */
  private Sexp emit(Sexp value) throws SexpParseException {
    Sexp v = value;
    while (depth > 0) {
      Frame top = stack[depth - 1];
      switch (top.kind) {
        case Frame.LIST:
          top.accept(v);
          if (top.state == Frame.BAD) {
            throw error(Kind.READER_ERROR, "more than one object after the dot", pos - 1);
          }
          if (streamKey != null && depth == 2 && top.count == 1 && v instanceof Sym key) {
            startStream(top, key);
          }
          return null;
        case Frame.VECTOR:
          top.add(v);
          return null;
        case Frame.QUOTE:
          depth--;
          v = new Lst(List.of(QUOTE, v));
          break;
        case Frame.FUNCTION:
          depth--;
          v = new Lst(List.of(FUNCTION, v));
          break;
        default:
          depth--;
          v = ArraySyntax.fromReadSyntax(top.rank, v, this, top.start);
          break;
      }
    }
    return v;
  }

  /** True while the items of the streamed cell are being read, directly inside it. */
  private boolean scanning() {
    if (depth != 2) {
      return false;
    }
    Frame cell = stack[1];
    return cell.sink != null && cell.state == Frame.ITEMS;
  }

  /** How many more frames may open before the depth limit. */
  int depthRoom() {
    return maxDepth - depth;
  }

  /**
   * What the plain token {@code s[a..b)}, which ends before the window's end, reads as; null if
   * reading it is an error, or for the lone dot. For {@link ScanText}.
   */
  Sexp atom(int a, int b) {
    int saved = pos;
    pos = a;
    try {
      Sexp v = Tokens.read(this);
      return pos == b && v != Tokens.DOT ? v : null;
    } catch (SexpParseException e) {
      return null;
    } finally {
      pos = saved;
    }
  }

  /**
   * Streams the rest of {@code cell}, whose first item is {@code key}, if it is the first cell of
   * a top-level list (not its dotted tail) keyed {@link #streamKey}.
   */
  private void startStream(Frame cell, Sym key) {
    Frame top = stack[0];
    if (!streamStarted && top.kind == Frame.LIST && top.state == Frame.ITEMS
        && cell.state == Frame.ITEMS && streamKey.equals(SexpMap.normalize(key.name()))) {
      streamStarted = true;
      cell.sink = streamItems;
    }
  }

  private Frame push(int kind, int start) throws SexpParseException {
    if (depth >= maxDepth) {
      throw error(Kind.TOO_DEEP, "nesting deeper than " + maxDepth, start);
    }
    if (depth == stack.length) {
      stack = Arrays.copyOf(stack, 2 * depth);
    }
    if (stack[depth] == null) {
      stack[depth] = new Frame();
    }
    Frame frame = stack[depth++];
    frame.reset(kind, start);
    return frame;
  }

  private Sexp dispatch() throws SexpParseException {
    int start = pos;
    int p = pos + 1;
    int arg = -1;
    while (p < end && s[p] >= '0' && s[p] <= '9') {
      arg = (arg < 0 ? 0 : arg) * 10 + (s[p] - '0');
      if (arg > 1_000_000) {
        throw error(Kind.READER_ERROR, "numeric argument to # is too large", start);
      }
      p++;
    }
    if (atEnd(p)) {
      throw error(Kind.END_OF_FILE, "end of file after #", start);
    }
    char d = s[p];
    pos = p + 1;
    switch (d) {
      case '(':
        push(Frame.VECTOR, start);
        return null;
      case '\\':
        return emit(readCharacter(start));
      case '\'':
        push(Frame.FUNCTION, start);
        return null;
      case ':':
        return emit(Tokens.uninterned(this, start));
      case 'a':
      case 'A':
        push(Frame.ARRAY, start).rank = arg;
        return null;
      case 'x':
      case 'X':
        return emit(Tokens.radix(this, 16, start));
      case 'o':
      case 'O':
        return emit(Tokens.radix(this, 8, start));
      case 'b':
      case 'B':
        return emit(Tokens.radix(this, 2, start));
      case 'r':
      case 'R':
        if (arg < 2 || arg > 36) {
          throw error(Kind.READER_ERROR, "radix must be between 2 and 36", start);
        }
        return emit(Tokens.radix(this, arg, start));
      case '.':
        throw error(Kind.REFUSED, "read-time evaluation (#.) is refused", start);
      case '+':
      case '-':
        throw error(Kind.REFUSED, "feature expressions (#" + d + ") are refused", start);
      default:
        throw error(
            Kind.REFUSED, "reader macro #" + printable(d) + " is not accepted in data", start);
    }
  }

  private static String printable(char c) {
    return c >= ' ' && c < 0x7f ? String.valueOf(c) : String.format("U+%04X", (int) c);
  }

  private Sexp token() throws SexpParseException {
    int start = pos;
    Sexp atom = Tokens.read(this);
    if (atom == Tokens.DOT) {
      Frame top = depth == 0 ? null : stack[depth - 1];
      if (top == null || top.kind != Frame.LIST || !top.dotAllowed()) {
        throw error(Kind.READER_ERROR, "dot context error", start);
      }
      top.state = Frame.AFTER_DOT;
      return null;
    }
    return emit(atom);
  }

  private Str readString() throws SexpParseException {
    int start = pos++;
    int p = pos;
    while (p < end && s[p] != '"' && s[p] != '\\') {
      p++;
    }
    if (p < end && s[p] == '"') {
      Str str = new Str(new String(s, pos, p - pos));
      pos = p + 1;
      return str;
    }
    StringBuilder sb = new StringBuilder(p - pos + 16).append(s, pos, p - pos);
    while (p < end) {
      char c = s[p++];
      if (c == '"') {
        pos = p;
        return new Str(sb.toString());
      }
      if (c == '\\') {
        if (atEnd(p)) {
          break;
        }
        c = s[p++];
      }
      sb.append(c);
    }
    atEnd(p);
    throw error(Kind.END_OF_FILE, "end of file inside a string", start);
  }

  private Chr readCharacter(int start) throws SexpParseException {
    if (atEnd(pos)) {
      throw error(Kind.END_OF_FILE, "end of file after #\\", start);
    }
    if (Character.isHighSurrogate(s[pos])) {
      atEnd(pos + 1);
    }
    int first = Character.codePointAt(s, pos, end);
    int p = pos + Character.charCount(first);
    while (p < end && Tokens.isConstituent(s[p])) {
      p++;
    }
    atEnd(p);
    String name = new String(s, pos, p - pos);
    pos = p;
    if (name.codePointCount(0, name.length()) == 1) {
      return new Chr(first);
    }
    Integer code = CharNames.lookup(name);
    if (code == null) {
      throw error(Kind.READER_ERROR, "unknown character name #\\" + Tokens.clip(name), start);
    }
    return new Chr(code);
  }

  /** Skips whitespace, {@code ;} line comments and nested {@code #| |#} block comments. */
  private void skipBlanks() throws SexpParseException {
    if (inLineComment) {
      skipLineComment();
    }
    while (pos < end) {
      char c = s[pos];
      if (Tokens.isWhitespace(c)) {
        pos++;
      } else if (c == ';') {
        skipLineComment();
      } else if (c == '#' && pos + 1 < end && s[pos + 1] == '|') {
        skipBlockComment();
      } else {
        return;
      }
    }
  }

  /** Skips to the end of the line; a window that ends first leaves the comment open for the next. */
  private void skipLineComment() {
    while (pos < end && s[pos] != '\n') {
      pos++;
    }
    inLineComment = pos >= end;
  }

  private void skipBlockComment() throws SexpParseException {
    int start = pos;
    int depth = 0;
    while (pos < end) {
      if (pos + 1 >= end) {
        atEnd(pos + 1); // a "|#" may straddle the window's end
      }
      if (s[pos] == '#' && pos + 1 < end && s[pos + 1] == '|') {
        depth++;
        pos += 2;
      } else if (s[pos] == '|' && pos + 1 < end && s[pos + 1] == '#') {
        depth--;
        pos += 2;
        if (depth == 0) {
          return;
        }
      } else {
        pos++;
      }
    }
    atEnd(pos);
    throw error(Kind.END_OF_FILE, "end of file inside a #| comment", start);
  }

  /** The symbol last read from the same characters as {@code s[a..b)}, or null. */
  Sexp cachedSymbol(int a, int b) {
    if (b - a > SYMBOL_MAX_LENGTH) {
      return null;
    }
    int slot = symbolSlot(a, b);
    char[] token = symbolTokens[slot];
    return token != null && Arrays.equals(token, 0, token.length, s, a, b) ? symbolValues[slot] : null;
  }

  void cacheSymbol(int a, int b, Sexp symbol) {
    if (b - a <= SYMBOL_MAX_LENGTH) {
      int slot = symbolSlot(a, b);
      symbolTokens[slot] = Arrays.copyOfRange(s, a, b);
      symbolValues[slot] = symbol;
    }
  }

  private int symbolSlot(int a, int b) {
    int h = 0;
    for (int i = a; i < b; i++) {
      h = 31 * h + s[i];
    }
    return (h ^ (h >>> 16)) & (SYMBOL_SLOTS - 1);
  }

  /** A reusable buffer of at least {@code length} characters, for rewriting one token. */
  char[] scratch(int length) {
    if (scratch.length < length) {
      scratch = new char[Math.max(length, 2 * scratch.length)];
    }
    return scratch;
  }

  char[] chars() {
    return s;
  }

  int pos() {
    return pos;
  }

  void pos(int newPos) {
    pos = newPos;
  }

  /** Builds an error at a character offset, counting lines only now that one is needed. */
  SexpParseException error(Kind kind, String what, int offset) {
    int line = baseLine;
    int lineStart = -1;
    int to = Math.min(offset, end);
    for (int i = 0; i < to; i++) {
      if (s[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = lineStart < 0 ? baseColumn + to + 1 : to - lineStart + 1;
    return new SexpParseException(kind, what, line, column);
  }

  /**
   * A form being read: an open list or vector, or a prefix waiting for its form. Its items go to a
   * buffer kept for the next form at the same depth, and become one immutable list at the close,
   * which the tree's records then keep as it is.
   */
  private static final class Frame {
    static final int LIST = 0;
    static final int VECTOR = 1;
    static final int QUOTE = 2;
    static final int FUNCTION = 3;
    static final int ARRAY = 4;

    static final int ITEMS = 0;
    static final int AFTER_DOT = 1;
    static final int HAS_TAIL = 2;
    static final int BAD = 3;

    int kind;
    /** Offset in the window, or -1 once the window dropped it: then {@link #line}, {@link #column}. */
    int start;

    int line;
    int column;
    private Sexp[] buffer = new Sexp[8];
    private int count;
    /** Takes this list's items (the key excepted) instead of the buffer, for a streamed cell. */
    Consumer<Sexp> sink;
    Sexp tail;
    int state;
    int rank;

    void reset(int kind, int start) {
      this.kind = kind;
      this.start = start;
      count = 0;
      sink = null;
      tail = null;
      state = ITEMS;
      rank = -1;
    }

    boolean dotAllowed() {
      return state == ITEMS && count > 0;
    }

    void add(Sexp v) {
      if (sink != null) {
        sink.accept(v);
        return;
      }
      if (count == buffer.length) {
        buffer = Arrays.copyOf(buffer, 2 * count);
      }
      buffer[count++] = v;
    }

    /** Adds an item, or the tail after a dot; a list tail splices in as Lisp's reader does. */
    void accept(Sexp v) {
      switch (state) {
        case ITEMS:
          add(v);
          break;
        case AFTER_DOT:
          if (v instanceof Lst lst) {
            lst.items().forEach(this::add);
          } else if (v instanceof Dotted dotted) {
            dotted.items().forEach(this::add);
            tail = dotted.tail();
          } else {
            tail = v;
          }
          state = HAS_TAIL;
          break;
        default:
          state = BAD;
      }
    }

    List<Sexp> items() {
      switch (count) {
        case 0:
          return List.of();
        case 1:
          return List.of(buffer[0]);
        case 2:
          return List.of(buffer[0], buffer[1]);
        default:
          return List.of(Arrays.copyOf(buffer, count));
      }
    }

    String describe() {
      switch (kind) {
        case LIST:
          return "a list opened here";
        case VECTOR:
          return "a vector opened here";
        case QUOTE:
          return "a quote";
        case FUNCTION:
          return "#'";
        default:
          return "#A";
      }
    }
  }
}

import { createRequire as __headroomRequire } from 'node:module';
import { dirname as __headroomDirname } from 'node:path';
import { fileURLToPath as __headroomFilePath } from 'node:url';
const require = __headroomRequire(import.meta.url);
const __filename = __headroomFilePath(import.meta.url);
const __dirname = __headroomDirname(__filename);
import "./chunk-7IJUVYVN.js";

// node_modules/@ruby/prism/src/nodes.js
var ArgumentsNodeFlags = {
  CONTAINS_FORWARDING: 1 << 2,
  CONTAINS_KEYWORDS: 1 << 3,
  CONTAINS_KEYWORD_SPLAT: 1 << 4,
  CONTAINS_SPLAT: 1 << 5,
  CONTAINS_MULTIPLE_SPLATS: 1 << 6
};
var ArrayNodeFlags = {
  CONTAINS_SPLAT: 1 << 2
};
var CallNodeFlags = {
  SAFE_NAVIGATION: 1 << 2,
  VARIABLE_CALL: 1 << 3,
  ATTRIBUTE_WRITE: 1 << 4,
  IGNORE_VISIBILITY: 1 << 5
};
var EncodingFlags = {
  FORCED_UTF8_ENCODING: 1 << 2,
  FORCED_BINARY_ENCODING: 1 << 3
};
var IntegerBaseFlags = {
  BINARY: 1 << 2,
  DECIMAL: 1 << 3,
  OCTAL: 1 << 4,
  HEXADECIMAL: 1 << 5
};
var InterpolatedStringNodeFlags = {
  FROZEN: 1 << 2,
  MUTABLE: 1 << 3
};
var KeywordHashNodeFlags = {
  SYMBOL_KEYS: 1 << 2
};
var LoopFlags = {
  BEGIN_MODIFIER: 1 << 2
};
var ParameterFlags = {
  REPEATED_PARAMETER: 1 << 2
};
var ParenthesesNodeFlags = {
  MULTIPLE_STATEMENTS: 1 << 2
};
var RangeFlags = {
  EXCLUDE_END: 1 << 2
};
var RegularExpressionFlags = {
  IGNORE_CASE: 1 << 2,
  EXTENDED: 1 << 3,
  MULTI_LINE: 1 << 4,
  ONCE: 1 << 5,
  EUC_JP: 1 << 6,
  ASCII_8BIT: 1 << 7,
  WINDOWS_31J: 1 << 8,
  UTF_8: 1 << 9,
  FORCED_UTF8_ENCODING: 1 << 10,
  FORCED_BINARY_ENCODING: 1 << 11,
  FORCED_US_ASCII_ENCODING: 1 << 12
};
var ShareableConstantNodeFlags = {
  LITERAL: 1 << 2,
  EXPERIMENTAL_EVERYTHING: 1 << 3,
  EXPERIMENTAL_COPY: 1 << 4
};
var StringFlags = {
  FORCED_UTF8_ENCODING: 1 << 2,
  FORCED_BINARY_ENCODING: 1 << 3,
  FROZEN: 1 << 4,
  MUTABLE: 1 << 5
};
var SymbolFlags = {
  FORCED_UTF8_ENCODING: 1 << 2,
  FORCED_BINARY_ENCODING: 1 << 3,
  FORCED_US_ASCII_ENCODING: 1 << 4
};
var AliasGlobalVariableNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  newName;
  /**
   * @type Node
   */
  oldName;
  /**
   * @type Location
   */
  keywordLoc;
  /**
   * Construct a new AliasGlobalVariableNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} newName
   * @param {Node} oldName
   * @param {Location} keywordLoc
   */
  constructor(nodeID, location, flags, newName, oldName, keywordLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.newName = newName;
    this.oldName = oldName;
    this.keywordLoc = keywordLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitAliasGlobalVariableNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.newName, this.oldName];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.newName, this.oldName];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "AliasGlobalVariableNode",
      location: this.location,
      flags: this.#flags,
      newName: this.newName,
      oldName: this.oldName,
      keywordLoc: this.keywordLoc
    };
  }
};
var AliasMethodNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  newName;
  /**
   * @type Node
   */
  oldName;
  /**
   * @type Location
   */
  keywordLoc;
  /**
   * Construct a new AliasMethodNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} newName
   * @param {Node} oldName
   * @param {Location} keywordLoc
   */
  constructor(nodeID, location, flags, newName, oldName, keywordLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.newName = newName;
    this.oldName = oldName;
    this.keywordLoc = keywordLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitAliasMethodNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.newName, this.oldName];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.newName, this.oldName];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "AliasMethodNode",
      location: this.location,
      flags: this.#flags,
      newName: this.newName,
      oldName: this.oldName,
      keywordLoc: this.keywordLoc
    };
  }
};
var AlternationPatternNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  left;
  /**
   * @type Node
   */
  right;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new AlternationPatternNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} left
   * @param {Node} right
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, left, right, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.left = left;
    this.right = right;
    this.operatorLoc = operatorLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitAlternationPatternNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.left, this.right];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.left, this.right];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "AlternationPatternNode",
      location: this.location,
      flags: this.#flags,
      left: this.left,
      right: this.right,
      operatorLoc: this.operatorLoc
    };
  }
};
var AndNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  left;
  /**
   * @type Node
   */
  right;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new AndNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} left
   * @param {Node} right
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, left, right, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.left = left;
    this.right = right;
    this.operatorLoc = operatorLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitAndNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.left, this.right];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.left, this.right];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "AndNode",
      location: this.location,
      flags: this.#flags,
      left: this.left,
      right: this.right,
      operatorLoc: this.operatorLoc
    };
  }
};
var ArgumentsNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node[]
   */
  arguments_;
  /**
   * Construct a new ArgumentsNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node[]} arguments_
   */
  constructor(nodeID, location, flags, arguments_) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.arguments_ = arguments_;
  }
  /**
   * True if this node has the CONTAINS_FORWARDING flag.
   *
   * @returns {boolean}
   */
  isContainsForwarding() {
    return (this.#flags & ArgumentsNodeFlags.CONTAINS_FORWARDING) !== 0;
  }
  /**
   * True if this node has the CONTAINS_KEYWORDS flag.
   *
   * @returns {boolean}
   */
  isContainsKeywords() {
    return (this.#flags & ArgumentsNodeFlags.CONTAINS_KEYWORDS) !== 0;
  }
  /**
   * True if this node has the CONTAINS_KEYWORD_SPLAT flag.
   *
   * @returns {boolean}
   */
  isContainsKeywordSplat() {
    return (this.#flags & ArgumentsNodeFlags.CONTAINS_KEYWORD_SPLAT) !== 0;
  }
  /**
   * True if this node has the CONTAINS_SPLAT flag.
   *
   * @returns {boolean}
   */
  isContainsSplat() {
    return (this.#flags & ArgumentsNodeFlags.CONTAINS_SPLAT) !== 0;
  }
  /**
   * True if this node has the CONTAINS_MULTIPLE_SPLATS flag.
   *
   * @returns {boolean}
   */
  isContainsMultipleSplats() {
    return (this.#flags & ArgumentsNodeFlags.CONTAINS_MULTIPLE_SPLATS) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitArgumentsNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [...this.arguments_];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [...this.arguments_];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ArgumentsNode",
      location: this.location,
      flags: this.#flags,
      arguments: this.arguments_
    };
  }
};
var ArrayNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node[]
   */
  elements;
  /**
   * @type Location | null
   */
  openingLoc;
  /**
   * @type Location | null
   */
  closingLoc;
  /**
   * Construct a new ArrayNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node[]} elements
   * @param {Location | null} openingLoc
   * @param {Location | null} closingLoc
   */
  constructor(nodeID, location, flags, elements, openingLoc, closingLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.elements = elements;
    this.openingLoc = openingLoc;
    this.closingLoc = closingLoc;
  }
  /**
   * True if this node has the CONTAINS_SPLAT flag.
   *
   * @returns {boolean}
   */
  isContainsSplat() {
    return (this.#flags & ArrayNodeFlags.CONTAINS_SPLAT) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitArrayNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [...this.elements];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [...this.elements];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ArrayNode",
      location: this.location,
      flags: this.#flags,
      elements: this.elements,
      openingLoc: this.openingLoc,
      closingLoc: this.closingLoc
    };
  }
};
var ArrayPatternNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  constant;
  /**
   * @type Node[]
   */
  requireds;
  /**
   * @type Node | null
   */
  rest;
  /**
   * @type Node[]
   */
  posts;
  /**
   * @type Location | null
   */
  openingLoc;
  /**
   * @type Location | null
   */
  closingLoc;
  /**
   * Construct a new ArrayPatternNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} constant
   * @param {Node[]} requireds
   * @param {Node | null} rest
   * @param {Node[]} posts
   * @param {Location | null} openingLoc
   * @param {Location | null} closingLoc
   */
  constructor(nodeID, location, flags, constant, requireds, rest, posts, openingLoc, closingLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.constant = constant;
    this.requireds = requireds;
    this.rest = rest;
    this.posts = posts;
    this.openingLoc = openingLoc;
    this.closingLoc = closingLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitArrayPatternNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.constant, ...this.requireds, this.rest, ...this.posts];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.constant) {
      compact.push(this.constant);
    }
    compact.concat(this.requireds);
    if (this.rest) {
      compact.push(this.rest);
    }
    compact.concat(this.posts);
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ArrayPatternNode",
      location: this.location,
      flags: this.#flags,
      constant: this.constant,
      requireds: this.requireds,
      rest: this.rest,
      posts: this.posts,
      openingLoc: this.openingLoc,
      closingLoc: this.closingLoc
    };
  }
};
var AssocNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  key;
  /**
   * @type Node
   */
  value;
  /**
   * @type Location | null
   */
  operatorLoc;
  /**
   * Construct a new AssocNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} key
   * @param {Node} value
   * @param {Location | null} operatorLoc
   */
  constructor(nodeID, location, flags, key, value, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.key = key;
    this.value = value;
    this.operatorLoc = operatorLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitAssocNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.key, this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.key, this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "AssocNode",
      location: this.location,
      flags: this.#flags,
      key: this.key,
      value: this.value,
      operatorLoc: this.operatorLoc
    };
  }
};
var AssocSplatNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  value;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new AssocSplatNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} value
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, value, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.value = value;
    this.operatorLoc = operatorLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitAssocSplatNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.value) {
      compact.push(this.value);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "AssocSplatNode",
      location: this.location,
      flags: this.#flags,
      value: this.value,
      operatorLoc: this.operatorLoc
    };
  }
};
var BackReferenceReadNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * Construct a new BackReferenceReadNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   */
  constructor(nodeID, location, flags, name) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitBackReferenceReadNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "BackReferenceReadNode",
      location: this.location,
      flags: this.#flags,
      name: this.name
    };
  }
};
var BeginNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location | null
   */
  beginKeywordLoc;
  /**
   * @type StatementsNode | null
   */
  statements;
  /**
   * @type RescueNode | null
   */
  rescueClause;
  /**
   * @type ElseNode | null
   */
  elseClause;
  /**
   * @type EnsureNode | null
   */
  ensureClause;
  /**
   * @type Location | null
   */
  endKeywordLoc;
  /**
   * Construct a new BeginNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location | null} beginKeywordLoc
   * @param {StatementsNode | null} statements
   * @param {RescueNode | null} rescueClause
   * @param {ElseNode | null} elseClause
   * @param {EnsureNode | null} ensureClause
   * @param {Location | null} endKeywordLoc
   */
  constructor(nodeID, location, flags, beginKeywordLoc, statements, rescueClause, elseClause, ensureClause, endKeywordLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.beginKeywordLoc = beginKeywordLoc;
    this.statements = statements;
    this.rescueClause = rescueClause;
    this.elseClause = elseClause;
    this.ensureClause = ensureClause;
    this.endKeywordLoc = endKeywordLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitBeginNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.statements, this.rescueClause, this.elseClause, this.ensureClause];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.statements) {
      compact.push(this.statements);
    }
    if (this.rescueClause) {
      compact.push(this.rescueClause);
    }
    if (this.elseClause) {
      compact.push(this.elseClause);
    }
    if (this.ensureClause) {
      compact.push(this.ensureClause);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "BeginNode",
      location: this.location,
      flags: this.#flags,
      beginKeywordLoc: this.beginKeywordLoc,
      statements: this.statements,
      rescueClause: this.rescueClause,
      elseClause: this.elseClause,
      ensureClause: this.ensureClause,
      endKeywordLoc: this.endKeywordLoc
    };
  }
};
var BlockArgumentNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  expression;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new BlockArgumentNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} expression
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, expression, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.expression = expression;
    this.operatorLoc = operatorLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitBlockArgumentNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.expression];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.expression) {
      compact.push(this.expression);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "BlockArgumentNode",
      location: this.location,
      flags: this.#flags,
      expression: this.expression,
      operatorLoc: this.operatorLoc
    };
  }
};
var BlockLocalVariableNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * Construct a new BlockLocalVariableNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   */
  constructor(nodeID, location, flags, name) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
  }
  /**
   * True if this node has the REPEATED_PARAMETER flag.
   *
   * @returns {boolean}
   */
  isRepeatedParameter() {
    return (this.#flags & ParameterFlags.REPEATED_PARAMETER) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitBlockLocalVariableNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "BlockLocalVariableNode",
      location: this.location,
      flags: this.#flags,
      name: this.name
    };
  }
};
var BlockNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string[]
   */
  locals;
  /**
   * @type Node | null
   */
  parameters;
  /**
   * @type Node | null
   */
  body;
  /**
   * @type Location
   */
  openingLoc;
  /**
   * @type Location
   */
  closingLoc;
  /**
   * Construct a new BlockNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string[]} locals
   * @param {Node | null} parameters
   * @param {Node | null} body
   * @param {Location} openingLoc
   * @param {Location} closingLoc
   */
  constructor(nodeID, location, flags, locals, parameters, body, openingLoc, closingLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.locals = locals;
    this.parameters = parameters;
    this.body = body;
    this.openingLoc = openingLoc;
    this.closingLoc = closingLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitBlockNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.parameters, this.body];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.parameters) {
      compact.push(this.parameters);
    }
    if (this.body) {
      compact.push(this.body);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "BlockNode",
      location: this.location,
      flags: this.#flags,
      locals: this.locals,
      parameters: this.parameters,
      body: this.body,
      openingLoc: this.openingLoc,
      closingLoc: this.closingLoc
    };
  }
};
var BlockParameterNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string | null
   */
  name;
  /**
   * @type Location | null
   */
  nameLoc;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new BlockParameterNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string | null} name
   * @param {Location | null} nameLoc
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, name, nameLoc, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.operatorLoc = operatorLoc;
  }
  /**
   * True if this node has the REPEATED_PARAMETER flag.
   *
   * @returns {boolean}
   */
  isRepeatedParameter() {
    return (this.#flags & ParameterFlags.REPEATED_PARAMETER) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitBlockParameterNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "BlockParameterNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      operatorLoc: this.operatorLoc
    };
  }
};
var BlockParametersNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type ParametersNode | null
   */
  parameters;
  /**
   * @type Node[]
   */
  locals;
  /**
   * @type Location | null
   */
  openingLoc;
  /**
   * @type Location | null
   */
  closingLoc;
  /**
   * Construct a new BlockParametersNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {ParametersNode | null} parameters
   * @param {Node[]} locals
   * @param {Location | null} openingLoc
   * @param {Location | null} closingLoc
   */
  constructor(nodeID, location, flags, parameters, locals, openingLoc, closingLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.parameters = parameters;
    this.locals = locals;
    this.openingLoc = openingLoc;
    this.closingLoc = closingLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitBlockParametersNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.parameters, ...this.locals];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.parameters) {
      compact.push(this.parameters);
    }
    compact.concat(this.locals);
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "BlockParametersNode",
      location: this.location,
      flags: this.#flags,
      parameters: this.parameters,
      locals: this.locals,
      openingLoc: this.openingLoc,
      closingLoc: this.closingLoc
    };
  }
};
var BreakNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type ArgumentsNode | null
   */
  arguments_;
  /**
   * @type Location
   */
  keywordLoc;
  /**
   * Construct a new BreakNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {ArgumentsNode | null} arguments_
   * @param {Location} keywordLoc
   */
  constructor(nodeID, location, flags, arguments_, keywordLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.arguments_ = arguments_;
    this.keywordLoc = keywordLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitBreakNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.arguments_];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.arguments_) {
      compact.push(this.arguments_);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "BreakNode",
      location: this.location,
      flags: this.#flags,
      arguments: this.arguments_,
      keywordLoc: this.keywordLoc
    };
  }
};
var CallAndWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  receiver;
  /**
   * @type Location | null
   */
  callOperatorLoc;
  /**
   * @type Location | null
   */
  messageLoc;
  /**
   * @type string
   */
  readName;
  /**
   * @type string
   */
  writeName;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new CallAndWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} receiver
   * @param {Location | null} callOperatorLoc
   * @param {Location | null} messageLoc
   * @param {string} readName
   * @param {string} writeName
   * @param {Location} operatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, receiver, callOperatorLoc, messageLoc, readName, writeName, operatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.receiver = receiver;
    this.callOperatorLoc = callOperatorLoc;
    this.messageLoc = messageLoc;
    this.readName = readName;
    this.writeName = writeName;
    this.operatorLoc = operatorLoc;
    this.value = value;
  }
  /**
   * True if this node has the SAFE_NAVIGATION flag.
   *
   * @returns {boolean}
   */
  isSafeNavigation() {
    return (this.#flags & CallNodeFlags.SAFE_NAVIGATION) !== 0;
  }
  /**
   * True if this node has the VARIABLE_CALL flag.
   *
   * @returns {boolean}
   */
  isVariableCall() {
    return (this.#flags & CallNodeFlags.VARIABLE_CALL) !== 0;
  }
  /**
   * True if this node has the ATTRIBUTE_WRITE flag.
   *
   * @returns {boolean}
   */
  isAttributeWrite() {
    return (this.#flags & CallNodeFlags.ATTRIBUTE_WRITE) !== 0;
  }
  /**
   * True if this node has the IGNORE_VISIBILITY flag.
   *
   * @returns {boolean}
   */
  isIgnoreVisibility() {
    return (this.#flags & CallNodeFlags.IGNORE_VISIBILITY) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitCallAndWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.receiver, this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.receiver) {
      compact.push(this.receiver);
    }
    compact.push(this.value);
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "CallAndWriteNode",
      location: this.location,
      flags: this.#flags,
      receiver: this.receiver,
      callOperatorLoc: this.callOperatorLoc,
      messageLoc: this.messageLoc,
      readName: this.readName,
      writeName: this.writeName,
      operatorLoc: this.operatorLoc,
      value: this.value
    };
  }
};
var CallNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  receiver;
  /**
   * @type Location | null
   */
  callOperatorLoc;
  /**
   * @type string
   */
  name;
  /**
   * @type Location | null
   */
  messageLoc;
  /**
   * @type Location | null
   */
  openingLoc;
  /**
   * @type ArgumentsNode | null
   */
  arguments_;
  /**
   * @type Location | null
   */
  closingLoc;
  /**
   * @type Location | null
   */
  equalLoc;
  /**
   * @type Node | null
   */
  block;
  /**
   * Construct a new CallNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} receiver
   * @param {Location | null} callOperatorLoc
   * @param {string} name
   * @param {Location | null} messageLoc
   * @param {Location | null} openingLoc
   * @param {ArgumentsNode | null} arguments_
   * @param {Location | null} closingLoc
   * @param {Location | null} equalLoc
   * @param {Node | null} block
   */
  constructor(nodeID, location, flags, receiver, callOperatorLoc, name, messageLoc, openingLoc, arguments_, closingLoc, equalLoc, block) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.receiver = receiver;
    this.callOperatorLoc = callOperatorLoc;
    this.name = name;
    this.messageLoc = messageLoc;
    this.openingLoc = openingLoc;
    this.arguments_ = arguments_;
    this.closingLoc = closingLoc;
    this.equalLoc = equalLoc;
    this.block = block;
  }
  /**
   * True if this node has the SAFE_NAVIGATION flag.
   *
   * @returns {boolean}
   */
  isSafeNavigation() {
    return (this.#flags & CallNodeFlags.SAFE_NAVIGATION) !== 0;
  }
  /**
   * True if this node has the VARIABLE_CALL flag.
   *
   * @returns {boolean}
   */
  isVariableCall() {
    return (this.#flags & CallNodeFlags.VARIABLE_CALL) !== 0;
  }
  /**
   * True if this node has the ATTRIBUTE_WRITE flag.
   *
   * @returns {boolean}
   */
  isAttributeWrite() {
    return (this.#flags & CallNodeFlags.ATTRIBUTE_WRITE) !== 0;
  }
  /**
   * True if this node has the IGNORE_VISIBILITY flag.
   *
   * @returns {boolean}
   */
  isIgnoreVisibility() {
    return (this.#flags & CallNodeFlags.IGNORE_VISIBILITY) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitCallNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.receiver, this.arguments_, this.block];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.receiver) {
      compact.push(this.receiver);
    }
    if (this.arguments_) {
      compact.push(this.arguments_);
    }
    if (this.block) {
      compact.push(this.block);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "CallNode",
      location: this.location,
      flags: this.#flags,
      receiver: this.receiver,
      callOperatorLoc: this.callOperatorLoc,
      name: this.name,
      messageLoc: this.messageLoc,
      openingLoc: this.openingLoc,
      arguments: this.arguments_,
      closingLoc: this.closingLoc,
      equalLoc: this.equalLoc,
      block: this.block
    };
  }
};
var CallOperatorWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  receiver;
  /**
   * @type Location | null
   */
  callOperatorLoc;
  /**
   * @type Location | null
   */
  messageLoc;
  /**
   * @type string
   */
  readName;
  /**
   * @type string
   */
  writeName;
  /**
   * @type string
   */
  binaryOperator;
  /**
   * @type Location
   */
  binaryOperatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new CallOperatorWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} receiver
   * @param {Location | null} callOperatorLoc
   * @param {Location | null} messageLoc
   * @param {string} readName
   * @param {string} writeName
   * @param {string} binaryOperator
   * @param {Location} binaryOperatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, receiver, callOperatorLoc, messageLoc, readName, writeName, binaryOperator, binaryOperatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.receiver = receiver;
    this.callOperatorLoc = callOperatorLoc;
    this.messageLoc = messageLoc;
    this.readName = readName;
    this.writeName = writeName;
    this.binaryOperator = binaryOperator;
    this.binaryOperatorLoc = binaryOperatorLoc;
    this.value = value;
  }
  /**
   * True if this node has the SAFE_NAVIGATION flag.
   *
   * @returns {boolean}
   */
  isSafeNavigation() {
    return (this.#flags & CallNodeFlags.SAFE_NAVIGATION) !== 0;
  }
  /**
   * True if this node has the VARIABLE_CALL flag.
   *
   * @returns {boolean}
   */
  isVariableCall() {
    return (this.#flags & CallNodeFlags.VARIABLE_CALL) !== 0;
  }
  /**
   * True if this node has the ATTRIBUTE_WRITE flag.
   *
   * @returns {boolean}
   */
  isAttributeWrite() {
    return (this.#flags & CallNodeFlags.ATTRIBUTE_WRITE) !== 0;
  }
  /**
   * True if this node has the IGNORE_VISIBILITY flag.
   *
   * @returns {boolean}
   */
  isIgnoreVisibility() {
    return (this.#flags & CallNodeFlags.IGNORE_VISIBILITY) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitCallOperatorWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.receiver, this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.receiver) {
      compact.push(this.receiver);
    }
    compact.push(this.value);
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "CallOperatorWriteNode",
      location: this.location,
      flags: this.#flags,
      receiver: this.receiver,
      callOperatorLoc: this.callOperatorLoc,
      messageLoc: this.messageLoc,
      readName: this.readName,
      writeName: this.writeName,
      binaryOperator: this.binaryOperator,
      binaryOperatorLoc: this.binaryOperatorLoc,
      value: this.value
    };
  }
};
var CallOrWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  receiver;
  /**
   * @type Location | null
   */
  callOperatorLoc;
  /**
   * @type Location | null
   */
  messageLoc;
  /**
   * @type string
   */
  readName;
  /**
   * @type string
   */
  writeName;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new CallOrWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} receiver
   * @param {Location | null} callOperatorLoc
   * @param {Location | null} messageLoc
   * @param {string} readName
   * @param {string} writeName
   * @param {Location} operatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, receiver, callOperatorLoc, messageLoc, readName, writeName, operatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.receiver = receiver;
    this.callOperatorLoc = callOperatorLoc;
    this.messageLoc = messageLoc;
    this.readName = readName;
    this.writeName = writeName;
    this.operatorLoc = operatorLoc;
    this.value = value;
  }
  /**
   * True if this node has the SAFE_NAVIGATION flag.
   *
   * @returns {boolean}
   */
  isSafeNavigation() {
    return (this.#flags & CallNodeFlags.SAFE_NAVIGATION) !== 0;
  }
  /**
   * True if this node has the VARIABLE_CALL flag.
   *
   * @returns {boolean}
   */
  isVariableCall() {
    return (this.#flags & CallNodeFlags.VARIABLE_CALL) !== 0;
  }
  /**
   * True if this node has the ATTRIBUTE_WRITE flag.
   *
   * @returns {boolean}
   */
  isAttributeWrite() {
    return (this.#flags & CallNodeFlags.ATTRIBUTE_WRITE) !== 0;
  }
  /**
   * True if this node has the IGNORE_VISIBILITY flag.
   *
   * @returns {boolean}
   */
  isIgnoreVisibility() {
    return (this.#flags & CallNodeFlags.IGNORE_VISIBILITY) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitCallOrWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.receiver, this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.receiver) {
      compact.push(this.receiver);
    }
    compact.push(this.value);
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "CallOrWriteNode",
      location: this.location,
      flags: this.#flags,
      receiver: this.receiver,
      callOperatorLoc: this.callOperatorLoc,
      messageLoc: this.messageLoc,
      readName: this.readName,
      writeName: this.writeName,
      operatorLoc: this.operatorLoc,
      value: this.value
    };
  }
};
var CallTargetNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  receiver;
  /**
   * @type Location
   */
  callOperatorLoc;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  messageLoc;
  /**
   * Construct a new CallTargetNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} receiver
   * @param {Location} callOperatorLoc
   * @param {string} name
   * @param {Location} messageLoc
   */
  constructor(nodeID, location, flags, receiver, callOperatorLoc, name, messageLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.receiver = receiver;
    this.callOperatorLoc = callOperatorLoc;
    this.name = name;
    this.messageLoc = messageLoc;
  }
  /**
   * True if this node has the SAFE_NAVIGATION flag.
   *
   * @returns {boolean}
   */
  isSafeNavigation() {
    return (this.#flags & CallNodeFlags.SAFE_NAVIGATION) !== 0;
  }
  /**
   * True if this node has the VARIABLE_CALL flag.
   *
   * @returns {boolean}
   */
  isVariableCall() {
    return (this.#flags & CallNodeFlags.VARIABLE_CALL) !== 0;
  }
  /**
   * True if this node has the ATTRIBUTE_WRITE flag.
   *
   * @returns {boolean}
   */
  isAttributeWrite() {
    return (this.#flags & CallNodeFlags.ATTRIBUTE_WRITE) !== 0;
  }
  /**
   * True if this node has the IGNORE_VISIBILITY flag.
   *
   * @returns {boolean}
   */
  isIgnoreVisibility() {
    return (this.#flags & CallNodeFlags.IGNORE_VISIBILITY) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitCallTargetNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.receiver];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.receiver];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "CallTargetNode",
      location: this.location,
      flags: this.#flags,
      receiver: this.receiver,
      callOperatorLoc: this.callOperatorLoc,
      name: this.name,
      messageLoc: this.messageLoc
    };
  }
};
var CapturePatternNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  value;
  /**
   * @type LocalVariableTargetNode
   */
  target;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new CapturePatternNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} value
   * @param {LocalVariableTargetNode} target
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, value, target, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.value = value;
    this.target = target;
    this.operatorLoc = operatorLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitCapturePatternNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value, this.target];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value, this.target];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "CapturePatternNode",
      location: this.location,
      flags: this.#flags,
      value: this.value,
      target: this.target,
      operatorLoc: this.operatorLoc
    };
  }
};
var CaseMatchNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  predicate;
  /**
   * @type Node[]
   */
  conditions;
  /**
   * @type ElseNode | null
   */
  elseClause;
  /**
   * @type Location
   */
  caseKeywordLoc;
  /**
   * @type Location
   */
  endKeywordLoc;
  /**
   * Construct a new CaseMatchNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} predicate
   * @param {Node[]} conditions
   * @param {ElseNode | null} elseClause
   * @param {Location} caseKeywordLoc
   * @param {Location} endKeywordLoc
   */
  constructor(nodeID, location, flags, predicate, conditions, elseClause, caseKeywordLoc, endKeywordLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.predicate = predicate;
    this.conditions = conditions;
    this.elseClause = elseClause;
    this.caseKeywordLoc = caseKeywordLoc;
    this.endKeywordLoc = endKeywordLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitCaseMatchNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.predicate, ...this.conditions, this.elseClause];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.predicate) {
      compact.push(this.predicate);
    }
    compact.concat(this.conditions);
    if (this.elseClause) {
      compact.push(this.elseClause);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "CaseMatchNode",
      location: this.location,
      flags: this.#flags,
      predicate: this.predicate,
      conditions: this.conditions,
      elseClause: this.elseClause,
      caseKeywordLoc: this.caseKeywordLoc,
      endKeywordLoc: this.endKeywordLoc
    };
  }
};
var CaseNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  predicate;
  /**
   * @type Node[]
   */
  conditions;
  /**
   * @type ElseNode | null
   */
  elseClause;
  /**
   * @type Location
   */
  caseKeywordLoc;
  /**
   * @type Location
   */
  endKeywordLoc;
  /**
   * Construct a new CaseNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} predicate
   * @param {Node[]} conditions
   * @param {ElseNode | null} elseClause
   * @param {Location} caseKeywordLoc
   * @param {Location} endKeywordLoc
   */
  constructor(nodeID, location, flags, predicate, conditions, elseClause, caseKeywordLoc, endKeywordLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.predicate = predicate;
    this.conditions = conditions;
    this.elseClause = elseClause;
    this.caseKeywordLoc = caseKeywordLoc;
    this.endKeywordLoc = endKeywordLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitCaseNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.predicate, ...this.conditions, this.elseClause];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.predicate) {
      compact.push(this.predicate);
    }
    compact.concat(this.conditions);
    if (this.elseClause) {
      compact.push(this.elseClause);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "CaseNode",
      location: this.location,
      flags: this.#flags,
      predicate: this.predicate,
      conditions: this.conditions,
      elseClause: this.elseClause,
      caseKeywordLoc: this.caseKeywordLoc,
      endKeywordLoc: this.endKeywordLoc
    };
  }
};
var ClassNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string[]
   */
  locals;
  /**
   * @type Location
   */
  classKeywordLoc;
  /**
   * @type Node
   */
  constantPath;
  /**
   * @type Location | null
   */
  inheritanceOperatorLoc;
  /**
   * @type Node | null
   */
  superclass;
  /**
   * @type Node | null
   */
  body;
  /**
   * @type Location
   */
  endKeywordLoc;
  /**
   * @type string
   */
  name;
  /**
   * Construct a new ClassNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string[]} locals
   * @param {Location} classKeywordLoc
   * @param {Node} constantPath
   * @param {Location | null} inheritanceOperatorLoc
   * @param {Node | null} superclass
   * @param {Node | null} body
   * @param {Location} endKeywordLoc
   * @param {string} name
   */
  constructor(nodeID, location, flags, locals, classKeywordLoc, constantPath, inheritanceOperatorLoc, superclass, body, endKeywordLoc, name) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.locals = locals;
    this.classKeywordLoc = classKeywordLoc;
    this.constantPath = constantPath;
    this.inheritanceOperatorLoc = inheritanceOperatorLoc;
    this.superclass = superclass;
    this.body = body;
    this.endKeywordLoc = endKeywordLoc;
    this.name = name;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitClassNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.constantPath, this.superclass, this.body];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    compact.push(this.constantPath);
    if (this.superclass) {
      compact.push(this.superclass);
    }
    if (this.body) {
      compact.push(this.body);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ClassNode",
      location: this.location,
      flags: this.#flags,
      locals: this.locals,
      classKeywordLoc: this.classKeywordLoc,
      constantPath: this.constantPath,
      inheritanceOperatorLoc: this.inheritanceOperatorLoc,
      superclass: this.superclass,
      body: this.body,
      endKeywordLoc: this.endKeywordLoc,
      name: this.name
    };
  }
};
var ClassVariableAndWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new ClassVariableAndWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Location} operatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, name, nameLoc, operatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.operatorLoc = operatorLoc;
    this.value = value;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitClassVariableAndWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ClassVariableAndWriteNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      operatorLoc: this.operatorLoc,
      value: this.value
    };
  }
};
var ClassVariableOperatorWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Location
   */
  binaryOperatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * @type string
   */
  binaryOperator;
  /**
   * Construct a new ClassVariableOperatorWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Location} binaryOperatorLoc
   * @param {Node} value
   * @param {string} binaryOperator
   */
  constructor(nodeID, location, flags, name, nameLoc, binaryOperatorLoc, value, binaryOperator) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.binaryOperatorLoc = binaryOperatorLoc;
    this.value = value;
    this.binaryOperator = binaryOperator;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitClassVariableOperatorWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ClassVariableOperatorWriteNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      binaryOperatorLoc: this.binaryOperatorLoc,
      value: this.value,
      binaryOperator: this.binaryOperator
    };
  }
};
var ClassVariableOrWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new ClassVariableOrWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Location} operatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, name, nameLoc, operatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.operatorLoc = operatorLoc;
    this.value = value;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitClassVariableOrWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ClassVariableOrWriteNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      operatorLoc: this.operatorLoc,
      value: this.value
    };
  }
};
var ClassVariableReadNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * Construct a new ClassVariableReadNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   */
  constructor(nodeID, location, flags, name) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitClassVariableReadNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ClassVariableReadNode",
      location: this.location,
      flags: this.#flags,
      name: this.name
    };
  }
};
var ClassVariableTargetNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * Construct a new ClassVariableTargetNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   */
  constructor(nodeID, location, flags, name) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitClassVariableTargetNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ClassVariableTargetNode",
      location: this.location,
      flags: this.#flags,
      name: this.name
    };
  }
};
var ClassVariableWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Node
   */
  value;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new ClassVariableWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Node} value
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, name, nameLoc, value, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.value = value;
    this.operatorLoc = operatorLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitClassVariableWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ClassVariableWriteNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      value: this.value,
      operatorLoc: this.operatorLoc
    };
  }
};
var ConstantAndWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new ConstantAndWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Location} operatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, name, nameLoc, operatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.operatorLoc = operatorLoc;
    this.value = value;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitConstantAndWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ConstantAndWriteNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      operatorLoc: this.operatorLoc,
      value: this.value
    };
  }
};
var ConstantOperatorWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Location
   */
  binaryOperatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * @type string
   */
  binaryOperator;
  /**
   * Construct a new ConstantOperatorWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Location} binaryOperatorLoc
   * @param {Node} value
   * @param {string} binaryOperator
   */
  constructor(nodeID, location, flags, name, nameLoc, binaryOperatorLoc, value, binaryOperator) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.binaryOperatorLoc = binaryOperatorLoc;
    this.value = value;
    this.binaryOperator = binaryOperator;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitConstantOperatorWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ConstantOperatorWriteNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      binaryOperatorLoc: this.binaryOperatorLoc,
      value: this.value,
      binaryOperator: this.binaryOperator
    };
  }
};
var ConstantOrWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new ConstantOrWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Location} operatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, name, nameLoc, operatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.operatorLoc = operatorLoc;
    this.value = value;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitConstantOrWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ConstantOrWriteNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      operatorLoc: this.operatorLoc,
      value: this.value
    };
  }
};
var ConstantPathAndWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type ConstantPathNode
   */
  target;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new ConstantPathAndWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {ConstantPathNode} target
   * @param {Location} operatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, target, operatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.target = target;
    this.operatorLoc = operatorLoc;
    this.value = value;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitConstantPathAndWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.target, this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.target, this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ConstantPathAndWriteNode",
      location: this.location,
      flags: this.#flags,
      target: this.target,
      operatorLoc: this.operatorLoc,
      value: this.value
    };
  }
};
var ConstantPathNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  parent;
  /**
   * @type string | null
   */
  name;
  /**
   * @type Location
   */
  delimiterLoc;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * Construct a new ConstantPathNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} parent
   * @param {string | null} name
   * @param {Location} delimiterLoc
   * @param {Location} nameLoc
   */
  constructor(nodeID, location, flags, parent, name, delimiterLoc, nameLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.parent = parent;
    this.name = name;
    this.delimiterLoc = delimiterLoc;
    this.nameLoc = nameLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitConstantPathNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.parent];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.parent) {
      compact.push(this.parent);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ConstantPathNode",
      location: this.location,
      flags: this.#flags,
      parent: this.parent,
      name: this.name,
      delimiterLoc: this.delimiterLoc,
      nameLoc: this.nameLoc
    };
  }
};
var ConstantPathOperatorWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type ConstantPathNode
   */
  target;
  /**
   * @type Location
   */
  binaryOperatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * @type string
   */
  binaryOperator;
  /**
   * Construct a new ConstantPathOperatorWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {ConstantPathNode} target
   * @param {Location} binaryOperatorLoc
   * @param {Node} value
   * @param {string} binaryOperator
   */
  constructor(nodeID, location, flags, target, binaryOperatorLoc, value, binaryOperator) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.target = target;
    this.binaryOperatorLoc = binaryOperatorLoc;
    this.value = value;
    this.binaryOperator = binaryOperator;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitConstantPathOperatorWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.target, this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.target, this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ConstantPathOperatorWriteNode",
      location: this.location,
      flags: this.#flags,
      target: this.target,
      binaryOperatorLoc: this.binaryOperatorLoc,
      value: this.value,
      binaryOperator: this.binaryOperator
    };
  }
};
var ConstantPathOrWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type ConstantPathNode
   */
  target;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new ConstantPathOrWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {ConstantPathNode} target
   * @param {Location} operatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, target, operatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.target = target;
    this.operatorLoc = operatorLoc;
    this.value = value;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitConstantPathOrWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.target, this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.target, this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ConstantPathOrWriteNode",
      location: this.location,
      flags: this.#flags,
      target: this.target,
      operatorLoc: this.operatorLoc,
      value: this.value
    };
  }
};
var ConstantPathTargetNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  parent;
  /**
   * @type string | null
   */
  name;
  /**
   * @type Location
   */
  delimiterLoc;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * Construct a new ConstantPathTargetNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} parent
   * @param {string | null} name
   * @param {Location} delimiterLoc
   * @param {Location} nameLoc
   */
  constructor(nodeID, location, flags, parent, name, delimiterLoc, nameLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.parent = parent;
    this.name = name;
    this.delimiterLoc = delimiterLoc;
    this.nameLoc = nameLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitConstantPathTargetNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.parent];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.parent) {
      compact.push(this.parent);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ConstantPathTargetNode",
      location: this.location,
      flags: this.#flags,
      parent: this.parent,
      name: this.name,
      delimiterLoc: this.delimiterLoc,
      nameLoc: this.nameLoc
    };
  }
};
var ConstantPathWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type ConstantPathNode
   */
  target;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new ConstantPathWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {ConstantPathNode} target
   * @param {Location} operatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, target, operatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.target = target;
    this.operatorLoc = operatorLoc;
    this.value = value;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitConstantPathWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.target, this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.target, this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ConstantPathWriteNode",
      location: this.location,
      flags: this.#flags,
      target: this.target,
      operatorLoc: this.operatorLoc,
      value: this.value
    };
  }
};
var ConstantReadNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * Construct a new ConstantReadNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   */
  constructor(nodeID, location, flags, name) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitConstantReadNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ConstantReadNode",
      location: this.location,
      flags: this.#flags,
      name: this.name
    };
  }
};
var ConstantTargetNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * Construct a new ConstantTargetNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   */
  constructor(nodeID, location, flags, name) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitConstantTargetNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ConstantTargetNode",
      location: this.location,
      flags: this.#flags,
      name: this.name
    };
  }
};
var ConstantWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Node
   */
  value;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new ConstantWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Node} value
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, name, nameLoc, value, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.value = value;
    this.operatorLoc = operatorLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitConstantWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ConstantWriteNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      value: this.value,
      operatorLoc: this.operatorLoc
    };
  }
};
var DefNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Node | null
   */
  receiver;
  /**
   * @type ParametersNode | null
   */
  parameters;
  /**
   * @type Node | null
   */
  body;
  /**
   * @type string[]
   */
  locals;
  /**
   * @type Location
   */
  defKeywordLoc;
  /**
   * @type Location | null
   */
  operatorLoc;
  /**
   * @type Location | null
   */
  lparenLoc;
  /**
   * @type Location | null
   */
  rparenLoc;
  /**
   * @type Location | null
   */
  equalLoc;
  /**
   * @type Location | null
   */
  endKeywordLoc;
  /**
   * Construct a new DefNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Node | null} receiver
   * @param {ParametersNode | null} parameters
   * @param {Node | null} body
   * @param {string[]} locals
   * @param {Location} defKeywordLoc
   * @param {Location | null} operatorLoc
   * @param {Location | null} lparenLoc
   * @param {Location | null} rparenLoc
   * @param {Location | null} equalLoc
   * @param {Location | null} endKeywordLoc
   */
  constructor(nodeID, location, flags, name, nameLoc, receiver, parameters, body, locals, defKeywordLoc, operatorLoc, lparenLoc, rparenLoc, equalLoc, endKeywordLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.receiver = receiver;
    this.parameters = parameters;
    this.body = body;
    this.locals = locals;
    this.defKeywordLoc = defKeywordLoc;
    this.operatorLoc = operatorLoc;
    this.lparenLoc = lparenLoc;
    this.rparenLoc = rparenLoc;
    this.equalLoc = equalLoc;
    this.endKeywordLoc = endKeywordLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitDefNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.receiver, this.parameters, this.body];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.receiver) {
      compact.push(this.receiver);
    }
    if (this.parameters) {
      compact.push(this.parameters);
    }
    if (this.body) {
      compact.push(this.body);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "DefNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      receiver: this.receiver,
      parameters: this.parameters,
      body: this.body,
      locals: this.locals,
      defKeywordLoc: this.defKeywordLoc,
      operatorLoc: this.operatorLoc,
      lparenLoc: this.lparenLoc,
      rparenLoc: this.rparenLoc,
      equalLoc: this.equalLoc,
      endKeywordLoc: this.endKeywordLoc
    };
  }
};
var DefinedNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location | null
   */
  lparenLoc;
  /**
   * @type Node
   */
  value;
  /**
   * @type Location | null
   */
  rparenLoc;
  /**
   * @type Location
   */
  keywordLoc;
  /**
   * Construct a new DefinedNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location | null} lparenLoc
   * @param {Node} value
   * @param {Location | null} rparenLoc
   * @param {Location} keywordLoc
   */
  constructor(nodeID, location, flags, lparenLoc, value, rparenLoc, keywordLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.lparenLoc = lparenLoc;
    this.value = value;
    this.rparenLoc = rparenLoc;
    this.keywordLoc = keywordLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitDefinedNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "DefinedNode",
      location: this.location,
      flags: this.#flags,
      lparenLoc: this.lparenLoc,
      value: this.value,
      rparenLoc: this.rparenLoc,
      keywordLoc: this.keywordLoc
    };
  }
};
var ElseNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  elseKeywordLoc;
  /**
   * @type StatementsNode | null
   */
  statements;
  /**
   * @type Location | null
   */
  endKeywordLoc;
  /**
   * Construct a new ElseNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} elseKeywordLoc
   * @param {StatementsNode | null} statements
   * @param {Location | null} endKeywordLoc
   */
  constructor(nodeID, location, flags, elseKeywordLoc, statements, endKeywordLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.elseKeywordLoc = elseKeywordLoc;
    this.statements = statements;
    this.endKeywordLoc = endKeywordLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitElseNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.statements];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.statements) {
      compact.push(this.statements);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ElseNode",
      location: this.location,
      flags: this.#flags,
      elseKeywordLoc: this.elseKeywordLoc,
      statements: this.statements,
      endKeywordLoc: this.endKeywordLoc
    };
  }
};
var EmbeddedStatementsNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  openingLoc;
  /**
   * @type StatementsNode | null
   */
  statements;
  /**
   * @type Location
   */
  closingLoc;
  /**
   * Construct a new EmbeddedStatementsNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} openingLoc
   * @param {StatementsNode | null} statements
   * @param {Location} closingLoc
   */
  constructor(nodeID, location, flags, openingLoc, statements, closingLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.openingLoc = openingLoc;
    this.statements = statements;
    this.closingLoc = closingLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitEmbeddedStatementsNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.statements];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.statements) {
      compact.push(this.statements);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "EmbeddedStatementsNode",
      location: this.location,
      flags: this.#flags,
      openingLoc: this.openingLoc,
      statements: this.statements,
      closingLoc: this.closingLoc
    };
  }
};
var EmbeddedVariableNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  variable;
  /**
   * Construct a new EmbeddedVariableNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} operatorLoc
   * @param {Node} variable
   */
  constructor(nodeID, location, flags, operatorLoc, variable) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.operatorLoc = operatorLoc;
    this.variable = variable;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitEmbeddedVariableNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.variable];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.variable];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "EmbeddedVariableNode",
      location: this.location,
      flags: this.#flags,
      operatorLoc: this.operatorLoc,
      variable: this.variable
    };
  }
};
var EnsureNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  ensureKeywordLoc;
  /**
   * @type StatementsNode | null
   */
  statements;
  /**
   * @type Location
   */
  endKeywordLoc;
  /**
   * Construct a new EnsureNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} ensureKeywordLoc
   * @param {StatementsNode | null} statements
   * @param {Location} endKeywordLoc
   */
  constructor(nodeID, location, flags, ensureKeywordLoc, statements, endKeywordLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.ensureKeywordLoc = ensureKeywordLoc;
    this.statements = statements;
    this.endKeywordLoc = endKeywordLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitEnsureNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.statements];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.statements) {
      compact.push(this.statements);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "EnsureNode",
      location: this.location,
      flags: this.#flags,
      ensureKeywordLoc: this.ensureKeywordLoc,
      statements: this.statements,
      endKeywordLoc: this.endKeywordLoc
    };
  }
};
var FalseNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * Construct a new FalseNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   */
  constructor(nodeID, location, flags) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitFalseNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "FalseNode",
      location: this.location,
      flags: this.#flags
    };
  }
};
var FindPatternNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  constant;
  /**
   * @type SplatNode
   */
  left;
  /**
   * @type Node[]
   */
  requireds;
  /**
   * @type Node
   */
  right;
  /**
   * @type Location | null
   */
  openingLoc;
  /**
   * @type Location | null
   */
  closingLoc;
  /**
   * Construct a new FindPatternNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} constant
   * @param {SplatNode} left
   * @param {Node[]} requireds
   * @param {Node} right
   * @param {Location | null} openingLoc
   * @param {Location | null} closingLoc
   */
  constructor(nodeID, location, flags, constant, left, requireds, right, openingLoc, closingLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.constant = constant;
    this.left = left;
    this.requireds = requireds;
    this.right = right;
    this.openingLoc = openingLoc;
    this.closingLoc = closingLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitFindPatternNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.constant, this.left, ...this.requireds, this.right];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.constant) {
      compact.push(this.constant);
    }
    compact.push(this.left);
    compact.concat(this.requireds);
    compact.push(this.right);
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "FindPatternNode",
      location: this.location,
      flags: this.#flags,
      constant: this.constant,
      left: this.left,
      requireds: this.requireds,
      right: this.right,
      openingLoc: this.openingLoc,
      closingLoc: this.closingLoc
    };
  }
};
var FlipFlopNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  left;
  /**
   * @type Node | null
   */
  right;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new FlipFlopNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} left
   * @param {Node | null} right
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, left, right, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.left = left;
    this.right = right;
    this.operatorLoc = operatorLoc;
  }
  /**
   * True if this node has the EXCLUDE_END flag.
   *
   * @returns {boolean}
   */
  isExcludeEnd() {
    return (this.#flags & RangeFlags.EXCLUDE_END) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitFlipFlopNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.left, this.right];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.left) {
      compact.push(this.left);
    }
    if (this.right) {
      compact.push(this.right);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "FlipFlopNode",
      location: this.location,
      flags: this.#flags,
      left: this.left,
      right: this.right,
      operatorLoc: this.operatorLoc
    };
  }
};
var FloatNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type number
   */
  value;
  /**
   * Construct a new FloatNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {number} value
   */
  constructor(nodeID, location, flags, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.value = value;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitFloatNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "FloatNode",
      location: this.location,
      flags: this.#flags,
      value: this.value
    };
  }
};
var ForNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  index;
  /**
   * @type Node
   */
  collection;
  /**
   * @type StatementsNode | null
   */
  statements;
  /**
   * @type Location
   */
  forKeywordLoc;
  /**
   * @type Location
   */
  inKeywordLoc;
  /**
   * @type Location | null
   */
  doKeywordLoc;
  /**
   * @type Location
   */
  endKeywordLoc;
  /**
   * Construct a new ForNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} index
   * @param {Node} collection
   * @param {StatementsNode | null} statements
   * @param {Location} forKeywordLoc
   * @param {Location} inKeywordLoc
   * @param {Location | null} doKeywordLoc
   * @param {Location} endKeywordLoc
   */
  constructor(nodeID, location, flags, index, collection, statements, forKeywordLoc, inKeywordLoc, doKeywordLoc, endKeywordLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.index = index;
    this.collection = collection;
    this.statements = statements;
    this.forKeywordLoc = forKeywordLoc;
    this.inKeywordLoc = inKeywordLoc;
    this.doKeywordLoc = doKeywordLoc;
    this.endKeywordLoc = endKeywordLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitForNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.index, this.collection, this.statements];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    compact.push(this.index);
    compact.push(this.collection);
    if (this.statements) {
      compact.push(this.statements);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ForNode",
      location: this.location,
      flags: this.#flags,
      index: this.index,
      collection: this.collection,
      statements: this.statements,
      forKeywordLoc: this.forKeywordLoc,
      inKeywordLoc: this.inKeywordLoc,
      doKeywordLoc: this.doKeywordLoc,
      endKeywordLoc: this.endKeywordLoc
    };
  }
};
var ForwardingArgumentsNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * Construct a new ForwardingArgumentsNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   */
  constructor(nodeID, location, flags) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitForwardingArgumentsNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ForwardingArgumentsNode",
      location: this.location,
      flags: this.#flags
    };
  }
};
var ForwardingParameterNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * Construct a new ForwardingParameterNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   */
  constructor(nodeID, location, flags) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitForwardingParameterNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ForwardingParameterNode",
      location: this.location,
      flags: this.#flags
    };
  }
};
var ForwardingSuperNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type BlockNode | null
   */
  block;
  /**
   * Construct a new ForwardingSuperNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {BlockNode | null} block
   */
  constructor(nodeID, location, flags, block) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.block = block;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitForwardingSuperNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.block];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.block) {
      compact.push(this.block);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ForwardingSuperNode",
      location: this.location,
      flags: this.#flags,
      block: this.block
    };
  }
};
var GlobalVariableAndWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new GlobalVariableAndWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Location} operatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, name, nameLoc, operatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.operatorLoc = operatorLoc;
    this.value = value;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitGlobalVariableAndWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "GlobalVariableAndWriteNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      operatorLoc: this.operatorLoc,
      value: this.value
    };
  }
};
var GlobalVariableOperatorWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Location
   */
  binaryOperatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * @type string
   */
  binaryOperator;
  /**
   * Construct a new GlobalVariableOperatorWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Location} binaryOperatorLoc
   * @param {Node} value
   * @param {string} binaryOperator
   */
  constructor(nodeID, location, flags, name, nameLoc, binaryOperatorLoc, value, binaryOperator) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.binaryOperatorLoc = binaryOperatorLoc;
    this.value = value;
    this.binaryOperator = binaryOperator;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitGlobalVariableOperatorWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "GlobalVariableOperatorWriteNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      binaryOperatorLoc: this.binaryOperatorLoc,
      value: this.value,
      binaryOperator: this.binaryOperator
    };
  }
};
var GlobalVariableOrWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new GlobalVariableOrWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Location} operatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, name, nameLoc, operatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.operatorLoc = operatorLoc;
    this.value = value;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitGlobalVariableOrWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "GlobalVariableOrWriteNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      operatorLoc: this.operatorLoc,
      value: this.value
    };
  }
};
var GlobalVariableReadNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * Construct a new GlobalVariableReadNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   */
  constructor(nodeID, location, flags, name) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitGlobalVariableReadNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "GlobalVariableReadNode",
      location: this.location,
      flags: this.#flags,
      name: this.name
    };
  }
};
var GlobalVariableTargetNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * Construct a new GlobalVariableTargetNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   */
  constructor(nodeID, location, flags, name) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitGlobalVariableTargetNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "GlobalVariableTargetNode",
      location: this.location,
      flags: this.#flags,
      name: this.name
    };
  }
};
var GlobalVariableWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Node
   */
  value;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new GlobalVariableWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Node} value
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, name, nameLoc, value, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.value = value;
    this.operatorLoc = operatorLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitGlobalVariableWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "GlobalVariableWriteNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      value: this.value,
      operatorLoc: this.operatorLoc
    };
  }
};
var HashNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  openingLoc;
  /**
   * @type Node[]
   */
  elements;
  /**
   * @type Location
   */
  closingLoc;
  /**
   * Construct a new HashNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} openingLoc
   * @param {Node[]} elements
   * @param {Location} closingLoc
   */
  constructor(nodeID, location, flags, openingLoc, elements, closingLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.openingLoc = openingLoc;
    this.elements = elements;
    this.closingLoc = closingLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitHashNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [...this.elements];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [...this.elements];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "HashNode",
      location: this.location,
      flags: this.#flags,
      openingLoc: this.openingLoc,
      elements: this.elements,
      closingLoc: this.closingLoc
    };
  }
};
var HashPatternNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  constant;
  /**
   * @type Node[]
   */
  elements;
  /**
   * @type Node | null
   */
  rest;
  /**
   * @type Location | null
   */
  openingLoc;
  /**
   * @type Location | null
   */
  closingLoc;
  /**
   * Construct a new HashPatternNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} constant
   * @param {Node[]} elements
   * @param {Node | null} rest
   * @param {Location | null} openingLoc
   * @param {Location | null} closingLoc
   */
  constructor(nodeID, location, flags, constant, elements, rest, openingLoc, closingLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.constant = constant;
    this.elements = elements;
    this.rest = rest;
    this.openingLoc = openingLoc;
    this.closingLoc = closingLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitHashPatternNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.constant, ...this.elements, this.rest];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.constant) {
      compact.push(this.constant);
    }
    compact.concat(this.elements);
    if (this.rest) {
      compact.push(this.rest);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "HashPatternNode",
      location: this.location,
      flags: this.#flags,
      constant: this.constant,
      elements: this.elements,
      rest: this.rest,
      openingLoc: this.openingLoc,
      closingLoc: this.closingLoc
    };
  }
};
var IfNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location | null
   */
  ifKeywordLoc;
  /**
   * @type Node
   */
  predicate;
  /**
   * @type Location | null
   */
  thenKeywordLoc;
  /**
   * @type StatementsNode | null
   */
  statements;
  /**
   * @type Node | null
   */
  subsequent;
  /**
   * @type Location | null
   */
  endKeywordLoc;
  /**
   * Construct a new IfNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location | null} ifKeywordLoc
   * @param {Node} predicate
   * @param {Location | null} thenKeywordLoc
   * @param {StatementsNode | null} statements
   * @param {Node | null} subsequent
   * @param {Location | null} endKeywordLoc
   */
  constructor(nodeID, location, flags, ifKeywordLoc, predicate, thenKeywordLoc, statements, subsequent, endKeywordLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.ifKeywordLoc = ifKeywordLoc;
    this.predicate = predicate;
    this.thenKeywordLoc = thenKeywordLoc;
    this.statements = statements;
    this.subsequent = subsequent;
    this.endKeywordLoc = endKeywordLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitIfNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.predicate, this.statements, this.subsequent];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    compact.push(this.predicate);
    if (this.statements) {
      compact.push(this.statements);
    }
    if (this.subsequent) {
      compact.push(this.subsequent);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "IfNode",
      location: this.location,
      flags: this.#flags,
      ifKeywordLoc: this.ifKeywordLoc,
      predicate: this.predicate,
      thenKeywordLoc: this.thenKeywordLoc,
      statements: this.statements,
      subsequent: this.subsequent,
      endKeywordLoc: this.endKeywordLoc
    };
  }
};
var ImaginaryNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  numeric;
  /**
   * Construct a new ImaginaryNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} numeric
   */
  constructor(nodeID, location, flags, numeric) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.numeric = numeric;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitImaginaryNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.numeric];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.numeric];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ImaginaryNode",
      location: this.location,
      flags: this.#flags,
      numeric: this.numeric
    };
  }
};
var ImplicitNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new ImplicitNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} value
   */
  constructor(nodeID, location, flags, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.value = value;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitImplicitNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ImplicitNode",
      location: this.location,
      flags: this.#flags,
      value: this.value
    };
  }
};
var ImplicitRestNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * Construct a new ImplicitRestNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   */
  constructor(nodeID, location, flags) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitImplicitRestNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ImplicitRestNode",
      location: this.location,
      flags: this.#flags
    };
  }
};
var InNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  pattern;
  /**
   * @type StatementsNode | null
   */
  statements;
  /**
   * @type Location
   */
  inLoc;
  /**
   * @type Location | null
   */
  thenLoc;
  /**
   * Construct a new InNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} pattern
   * @param {StatementsNode | null} statements
   * @param {Location} inLoc
   * @param {Location | null} thenLoc
   */
  constructor(nodeID, location, flags, pattern, statements, inLoc, thenLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.pattern = pattern;
    this.statements = statements;
    this.inLoc = inLoc;
    this.thenLoc = thenLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitInNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.pattern, this.statements];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    compact.push(this.pattern);
    if (this.statements) {
      compact.push(this.statements);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "InNode",
      location: this.location,
      flags: this.#flags,
      pattern: this.pattern,
      statements: this.statements,
      inLoc: this.inLoc,
      thenLoc: this.thenLoc
    };
  }
};
var IndexAndWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  receiver;
  /**
   * @type Location | null
   */
  callOperatorLoc;
  /**
   * @type Location
   */
  openingLoc;
  /**
   * @type ArgumentsNode | null
   */
  arguments_;
  /**
   * @type Location
   */
  closingLoc;
  /**
   * @type BlockArgumentNode | null
   */
  block;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new IndexAndWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} receiver
   * @param {Location | null} callOperatorLoc
   * @param {Location} openingLoc
   * @param {ArgumentsNode | null} arguments_
   * @param {Location} closingLoc
   * @param {BlockArgumentNode | null} block
   * @param {Location} operatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, receiver, callOperatorLoc, openingLoc, arguments_, closingLoc, block, operatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.receiver = receiver;
    this.callOperatorLoc = callOperatorLoc;
    this.openingLoc = openingLoc;
    this.arguments_ = arguments_;
    this.closingLoc = closingLoc;
    this.block = block;
    this.operatorLoc = operatorLoc;
    this.value = value;
  }
  /**
   * True if this node has the SAFE_NAVIGATION flag.
   *
   * @returns {boolean}
   */
  isSafeNavigation() {
    return (this.#flags & CallNodeFlags.SAFE_NAVIGATION) !== 0;
  }
  /**
   * True if this node has the VARIABLE_CALL flag.
   *
   * @returns {boolean}
   */
  isVariableCall() {
    return (this.#flags & CallNodeFlags.VARIABLE_CALL) !== 0;
  }
  /**
   * True if this node has the ATTRIBUTE_WRITE flag.
   *
   * @returns {boolean}
   */
  isAttributeWrite() {
    return (this.#flags & CallNodeFlags.ATTRIBUTE_WRITE) !== 0;
  }
  /**
   * True if this node has the IGNORE_VISIBILITY flag.
   *
   * @returns {boolean}
   */
  isIgnoreVisibility() {
    return (this.#flags & CallNodeFlags.IGNORE_VISIBILITY) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitIndexAndWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.receiver, this.arguments_, this.block, this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.receiver) {
      compact.push(this.receiver);
    }
    if (this.arguments_) {
      compact.push(this.arguments_);
    }
    if (this.block) {
      compact.push(this.block);
    }
    compact.push(this.value);
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "IndexAndWriteNode",
      location: this.location,
      flags: this.#flags,
      receiver: this.receiver,
      callOperatorLoc: this.callOperatorLoc,
      openingLoc: this.openingLoc,
      arguments: this.arguments_,
      closingLoc: this.closingLoc,
      block: this.block,
      operatorLoc: this.operatorLoc,
      value: this.value
    };
  }
};
var IndexOperatorWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  receiver;
  /**
   * @type Location | null
   */
  callOperatorLoc;
  /**
   * @type Location
   */
  openingLoc;
  /**
   * @type ArgumentsNode | null
   */
  arguments_;
  /**
   * @type Location
   */
  closingLoc;
  /**
   * @type BlockArgumentNode | null
   */
  block;
  /**
   * @type string
   */
  binaryOperator;
  /**
   * @type Location
   */
  binaryOperatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new IndexOperatorWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} receiver
   * @param {Location | null} callOperatorLoc
   * @param {Location} openingLoc
   * @param {ArgumentsNode | null} arguments_
   * @param {Location} closingLoc
   * @param {BlockArgumentNode | null} block
   * @param {string} binaryOperator
   * @param {Location} binaryOperatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, receiver, callOperatorLoc, openingLoc, arguments_, closingLoc, block, binaryOperator, binaryOperatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.receiver = receiver;
    this.callOperatorLoc = callOperatorLoc;
    this.openingLoc = openingLoc;
    this.arguments_ = arguments_;
    this.closingLoc = closingLoc;
    this.block = block;
    this.binaryOperator = binaryOperator;
    this.binaryOperatorLoc = binaryOperatorLoc;
    this.value = value;
  }
  /**
   * True if this node has the SAFE_NAVIGATION flag.
   *
   * @returns {boolean}
   */
  isSafeNavigation() {
    return (this.#flags & CallNodeFlags.SAFE_NAVIGATION) !== 0;
  }
  /**
   * True if this node has the VARIABLE_CALL flag.
   *
   * @returns {boolean}
   */
  isVariableCall() {
    return (this.#flags & CallNodeFlags.VARIABLE_CALL) !== 0;
  }
  /**
   * True if this node has the ATTRIBUTE_WRITE flag.
   *
   * @returns {boolean}
   */
  isAttributeWrite() {
    return (this.#flags & CallNodeFlags.ATTRIBUTE_WRITE) !== 0;
  }
  /**
   * True if this node has the IGNORE_VISIBILITY flag.
   *
   * @returns {boolean}
   */
  isIgnoreVisibility() {
    return (this.#flags & CallNodeFlags.IGNORE_VISIBILITY) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitIndexOperatorWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.receiver, this.arguments_, this.block, this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.receiver) {
      compact.push(this.receiver);
    }
    if (this.arguments_) {
      compact.push(this.arguments_);
    }
    if (this.block) {
      compact.push(this.block);
    }
    compact.push(this.value);
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "IndexOperatorWriteNode",
      location: this.location,
      flags: this.#flags,
      receiver: this.receiver,
      callOperatorLoc: this.callOperatorLoc,
      openingLoc: this.openingLoc,
      arguments: this.arguments_,
      closingLoc: this.closingLoc,
      block: this.block,
      binaryOperator: this.binaryOperator,
      binaryOperatorLoc: this.binaryOperatorLoc,
      value: this.value
    };
  }
};
var IndexOrWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  receiver;
  /**
   * @type Location | null
   */
  callOperatorLoc;
  /**
   * @type Location
   */
  openingLoc;
  /**
   * @type ArgumentsNode | null
   */
  arguments_;
  /**
   * @type Location
   */
  closingLoc;
  /**
   * @type BlockArgumentNode | null
   */
  block;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new IndexOrWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} receiver
   * @param {Location | null} callOperatorLoc
   * @param {Location} openingLoc
   * @param {ArgumentsNode | null} arguments_
   * @param {Location} closingLoc
   * @param {BlockArgumentNode | null} block
   * @param {Location} operatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, receiver, callOperatorLoc, openingLoc, arguments_, closingLoc, block, operatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.receiver = receiver;
    this.callOperatorLoc = callOperatorLoc;
    this.openingLoc = openingLoc;
    this.arguments_ = arguments_;
    this.closingLoc = closingLoc;
    this.block = block;
    this.operatorLoc = operatorLoc;
    this.value = value;
  }
  /**
   * True if this node has the SAFE_NAVIGATION flag.
   *
   * @returns {boolean}
   */
  isSafeNavigation() {
    return (this.#flags & CallNodeFlags.SAFE_NAVIGATION) !== 0;
  }
  /**
   * True if this node has the VARIABLE_CALL flag.
   *
   * @returns {boolean}
   */
  isVariableCall() {
    return (this.#flags & CallNodeFlags.VARIABLE_CALL) !== 0;
  }
  /**
   * True if this node has the ATTRIBUTE_WRITE flag.
   *
   * @returns {boolean}
   */
  isAttributeWrite() {
    return (this.#flags & CallNodeFlags.ATTRIBUTE_WRITE) !== 0;
  }
  /**
   * True if this node has the IGNORE_VISIBILITY flag.
   *
   * @returns {boolean}
   */
  isIgnoreVisibility() {
    return (this.#flags & CallNodeFlags.IGNORE_VISIBILITY) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitIndexOrWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.receiver, this.arguments_, this.block, this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.receiver) {
      compact.push(this.receiver);
    }
    if (this.arguments_) {
      compact.push(this.arguments_);
    }
    if (this.block) {
      compact.push(this.block);
    }
    compact.push(this.value);
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "IndexOrWriteNode",
      location: this.location,
      flags: this.#flags,
      receiver: this.receiver,
      callOperatorLoc: this.callOperatorLoc,
      openingLoc: this.openingLoc,
      arguments: this.arguments_,
      closingLoc: this.closingLoc,
      block: this.block,
      operatorLoc: this.operatorLoc,
      value: this.value
    };
  }
};
var IndexTargetNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  receiver;
  /**
   * @type Location
   */
  openingLoc;
  /**
   * @type ArgumentsNode | null
   */
  arguments_;
  /**
   * @type Location
   */
  closingLoc;
  /**
   * @type BlockArgumentNode | null
   */
  block;
  /**
   * Construct a new IndexTargetNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} receiver
   * @param {Location} openingLoc
   * @param {ArgumentsNode | null} arguments_
   * @param {Location} closingLoc
   * @param {BlockArgumentNode | null} block
   */
  constructor(nodeID, location, flags, receiver, openingLoc, arguments_, closingLoc, block) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.receiver = receiver;
    this.openingLoc = openingLoc;
    this.arguments_ = arguments_;
    this.closingLoc = closingLoc;
    this.block = block;
  }
  /**
   * True if this node has the SAFE_NAVIGATION flag.
   *
   * @returns {boolean}
   */
  isSafeNavigation() {
    return (this.#flags & CallNodeFlags.SAFE_NAVIGATION) !== 0;
  }
  /**
   * True if this node has the VARIABLE_CALL flag.
   *
   * @returns {boolean}
   */
  isVariableCall() {
    return (this.#flags & CallNodeFlags.VARIABLE_CALL) !== 0;
  }
  /**
   * True if this node has the ATTRIBUTE_WRITE flag.
   *
   * @returns {boolean}
   */
  isAttributeWrite() {
    return (this.#flags & CallNodeFlags.ATTRIBUTE_WRITE) !== 0;
  }
  /**
   * True if this node has the IGNORE_VISIBILITY flag.
   *
   * @returns {boolean}
   */
  isIgnoreVisibility() {
    return (this.#flags & CallNodeFlags.IGNORE_VISIBILITY) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitIndexTargetNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.receiver, this.arguments_, this.block];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    compact.push(this.receiver);
    if (this.arguments_) {
      compact.push(this.arguments_);
    }
    if (this.block) {
      compact.push(this.block);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "IndexTargetNode",
      location: this.location,
      flags: this.#flags,
      receiver: this.receiver,
      openingLoc: this.openingLoc,
      arguments: this.arguments_,
      closingLoc: this.closingLoc,
      block: this.block
    };
  }
};
var InstanceVariableAndWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new InstanceVariableAndWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Location} operatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, name, nameLoc, operatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.operatorLoc = operatorLoc;
    this.value = value;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitInstanceVariableAndWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "InstanceVariableAndWriteNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      operatorLoc: this.operatorLoc,
      value: this.value
    };
  }
};
var InstanceVariableOperatorWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Location
   */
  binaryOperatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * @type string
   */
  binaryOperator;
  /**
   * Construct a new InstanceVariableOperatorWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Location} binaryOperatorLoc
   * @param {Node} value
   * @param {string} binaryOperator
   */
  constructor(nodeID, location, flags, name, nameLoc, binaryOperatorLoc, value, binaryOperator) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.binaryOperatorLoc = binaryOperatorLoc;
    this.value = value;
    this.binaryOperator = binaryOperator;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitInstanceVariableOperatorWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "InstanceVariableOperatorWriteNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      binaryOperatorLoc: this.binaryOperatorLoc,
      value: this.value,
      binaryOperator: this.binaryOperator
    };
  }
};
var InstanceVariableOrWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new InstanceVariableOrWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Location} operatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, name, nameLoc, operatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.operatorLoc = operatorLoc;
    this.value = value;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitInstanceVariableOrWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "InstanceVariableOrWriteNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      operatorLoc: this.operatorLoc,
      value: this.value
    };
  }
};
var InstanceVariableReadNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * Construct a new InstanceVariableReadNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   */
  constructor(nodeID, location, flags, name) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitInstanceVariableReadNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "InstanceVariableReadNode",
      location: this.location,
      flags: this.#flags,
      name: this.name
    };
  }
};
var InstanceVariableTargetNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * Construct a new InstanceVariableTargetNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   */
  constructor(nodeID, location, flags, name) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitInstanceVariableTargetNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "InstanceVariableTargetNode",
      location: this.location,
      flags: this.#flags,
      name: this.name
    };
  }
};
var InstanceVariableWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Node
   */
  value;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new InstanceVariableWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Node} value
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, name, nameLoc, value, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.value = value;
    this.operatorLoc = operatorLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitInstanceVariableWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "InstanceVariableWriteNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      value: this.value,
      operatorLoc: this.operatorLoc
    };
  }
};
var IntegerNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type number
   */
  value;
  /**
   * Construct a new IntegerNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {number} value
   */
  constructor(nodeID, location, flags, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.value = value;
  }
  /**
   * True if this node has the BINARY flag.
   *
   * @returns {boolean}
   */
  isBinary() {
    return (this.#flags & IntegerBaseFlags.BINARY) !== 0;
  }
  /**
   * True if this node has the DECIMAL flag.
   *
   * @returns {boolean}
   */
  isDecimal() {
    return (this.#flags & IntegerBaseFlags.DECIMAL) !== 0;
  }
  /**
   * True if this node has the OCTAL flag.
   *
   * @returns {boolean}
   */
  isOctal() {
    return (this.#flags & IntegerBaseFlags.OCTAL) !== 0;
  }
  /**
   * True if this node has the HEXADECIMAL flag.
   *
   * @returns {boolean}
   */
  isHexadecimal() {
    return (this.#flags & IntegerBaseFlags.HEXADECIMAL) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitIntegerNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "IntegerNode",
      location: this.location,
      flags: this.#flags,
      value: this.value
    };
  }
};
var InterpolatedMatchLastLineNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  openingLoc;
  /**
   * @type Node[]
   */
  parts;
  /**
   * @type Location
   */
  closingLoc;
  /**
   * Construct a new InterpolatedMatchLastLineNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} openingLoc
   * @param {Node[]} parts
   * @param {Location} closingLoc
   */
  constructor(nodeID, location, flags, openingLoc, parts, closingLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.openingLoc = openingLoc;
    this.parts = parts;
    this.closingLoc = closingLoc;
  }
  /**
   * True if this node has the IGNORE_CASE flag.
   *
   * @returns {boolean}
   */
  isIgnoreCase() {
    return (this.#flags & RegularExpressionFlags.IGNORE_CASE) !== 0;
  }
  /**
   * True if this node has the EXTENDED flag.
   *
   * @returns {boolean}
   */
  isExtended() {
    return (this.#flags & RegularExpressionFlags.EXTENDED) !== 0;
  }
  /**
   * True if this node has the MULTI_LINE flag.
   *
   * @returns {boolean}
   */
  isMultiLine() {
    return (this.#flags & RegularExpressionFlags.MULTI_LINE) !== 0;
  }
  /**
   * True if this node has the ONCE flag.
   *
   * @returns {boolean}
   */
  isOnce() {
    return (this.#flags & RegularExpressionFlags.ONCE) !== 0;
  }
  /**
   * True if this node has the EUC_JP flag.
   *
   * @returns {boolean}
   */
  isEucJp() {
    return (this.#flags & RegularExpressionFlags.EUC_JP) !== 0;
  }
  /**
   * True if this node has the ASCII_8BIT flag.
   *
   * @returns {boolean}
   */
  isAscii8bit() {
    return (this.#flags & RegularExpressionFlags.ASCII_8BIT) !== 0;
  }
  /**
   * True if this node has the WINDOWS_31J flag.
   *
   * @returns {boolean}
   */
  isWindows31j() {
    return (this.#flags & RegularExpressionFlags.WINDOWS_31J) !== 0;
  }
  /**
   * True if this node has the UTF_8 flag.
   *
   * @returns {boolean}
   */
  isUtf8() {
    return (this.#flags & RegularExpressionFlags.UTF_8) !== 0;
  }
  /**
   * True if this node has the FORCED_UTF8_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedUtf8Encoding() {
    return (this.#flags & RegularExpressionFlags.FORCED_UTF8_ENCODING) !== 0;
  }
  /**
   * True if this node has the FORCED_BINARY_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedBinaryEncoding() {
    return (this.#flags & RegularExpressionFlags.FORCED_BINARY_ENCODING) !== 0;
  }
  /**
   * True if this node has the FORCED_US_ASCII_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedUsAsciiEncoding() {
    return (this.#flags & RegularExpressionFlags.FORCED_US_ASCII_ENCODING) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitInterpolatedMatchLastLineNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [...this.parts];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [...this.parts];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "InterpolatedMatchLastLineNode",
      location: this.location,
      flags: this.#flags,
      openingLoc: this.openingLoc,
      parts: this.parts,
      closingLoc: this.closingLoc
    };
  }
};
var InterpolatedRegularExpressionNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  openingLoc;
  /**
   * @type Node[]
   */
  parts;
  /**
   * @type Location
   */
  closingLoc;
  /**
   * Construct a new InterpolatedRegularExpressionNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} openingLoc
   * @param {Node[]} parts
   * @param {Location} closingLoc
   */
  constructor(nodeID, location, flags, openingLoc, parts, closingLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.openingLoc = openingLoc;
    this.parts = parts;
    this.closingLoc = closingLoc;
  }
  /**
   * True if this node has the IGNORE_CASE flag.
   *
   * @returns {boolean}
   */
  isIgnoreCase() {
    return (this.#flags & RegularExpressionFlags.IGNORE_CASE) !== 0;
  }
  /**
   * True if this node has the EXTENDED flag.
   *
   * @returns {boolean}
   */
  isExtended() {
    return (this.#flags & RegularExpressionFlags.EXTENDED) !== 0;
  }
  /**
   * True if this node has the MULTI_LINE flag.
   *
   * @returns {boolean}
   */
  isMultiLine() {
    return (this.#flags & RegularExpressionFlags.MULTI_LINE) !== 0;
  }
  /**
   * True if this node has the ONCE flag.
   *
   * @returns {boolean}
   */
  isOnce() {
    return (this.#flags & RegularExpressionFlags.ONCE) !== 0;
  }
  /**
   * True if this node has the EUC_JP flag.
   *
   * @returns {boolean}
   */
  isEucJp() {
    return (this.#flags & RegularExpressionFlags.EUC_JP) !== 0;
  }
  /**
   * True if this node has the ASCII_8BIT flag.
   *
   * @returns {boolean}
   */
  isAscii8bit() {
    return (this.#flags & RegularExpressionFlags.ASCII_8BIT) !== 0;
  }
  /**
   * True if this node has the WINDOWS_31J flag.
   *
   * @returns {boolean}
   */
  isWindows31j() {
    return (this.#flags & RegularExpressionFlags.WINDOWS_31J) !== 0;
  }
  /**
   * True if this node has the UTF_8 flag.
   *
   * @returns {boolean}
   */
  isUtf8() {
    return (this.#flags & RegularExpressionFlags.UTF_8) !== 0;
  }
  /**
   * True if this node has the FORCED_UTF8_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedUtf8Encoding() {
    return (this.#flags & RegularExpressionFlags.FORCED_UTF8_ENCODING) !== 0;
  }
  /**
   * True if this node has the FORCED_BINARY_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedBinaryEncoding() {
    return (this.#flags & RegularExpressionFlags.FORCED_BINARY_ENCODING) !== 0;
  }
  /**
   * True if this node has the FORCED_US_ASCII_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedUsAsciiEncoding() {
    return (this.#flags & RegularExpressionFlags.FORCED_US_ASCII_ENCODING) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitInterpolatedRegularExpressionNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [...this.parts];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [...this.parts];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "InterpolatedRegularExpressionNode",
      location: this.location,
      flags: this.#flags,
      openingLoc: this.openingLoc,
      parts: this.parts,
      closingLoc: this.closingLoc
    };
  }
};
var InterpolatedStringNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location | null
   */
  openingLoc;
  /**
   * @type Node[]
   */
  parts;
  /**
   * @type Location | null
   */
  closingLoc;
  /**
   * Construct a new InterpolatedStringNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location | null} openingLoc
   * @param {Node[]} parts
   * @param {Location | null} closingLoc
   */
  constructor(nodeID, location, flags, openingLoc, parts, closingLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.openingLoc = openingLoc;
    this.parts = parts;
    this.closingLoc = closingLoc;
  }
  /**
   * True if this node has the FROZEN flag.
   *
   * @returns {boolean}
   */
  isFrozen() {
    return (this.#flags & InterpolatedStringNodeFlags.FROZEN) !== 0;
  }
  /**
   * True if this node has the MUTABLE flag.
   *
   * @returns {boolean}
   */
  isMutable() {
    return (this.#flags & InterpolatedStringNodeFlags.MUTABLE) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitInterpolatedStringNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [...this.parts];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [...this.parts];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "InterpolatedStringNode",
      location: this.location,
      flags: this.#flags,
      openingLoc: this.openingLoc,
      parts: this.parts,
      closingLoc: this.closingLoc
    };
  }
};
var InterpolatedSymbolNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location | null
   */
  openingLoc;
  /**
   * @type Node[]
   */
  parts;
  /**
   * @type Location | null
   */
  closingLoc;
  /**
   * Construct a new InterpolatedSymbolNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location | null} openingLoc
   * @param {Node[]} parts
   * @param {Location | null} closingLoc
   */
  constructor(nodeID, location, flags, openingLoc, parts, closingLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.openingLoc = openingLoc;
    this.parts = parts;
    this.closingLoc = closingLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitInterpolatedSymbolNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [...this.parts];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [...this.parts];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "InterpolatedSymbolNode",
      location: this.location,
      flags: this.#flags,
      openingLoc: this.openingLoc,
      parts: this.parts,
      closingLoc: this.closingLoc
    };
  }
};
var InterpolatedXStringNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  openingLoc;
  /**
   * @type Node[]
   */
  parts;
  /**
   * @type Location
   */
  closingLoc;
  /**
   * Construct a new InterpolatedXStringNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} openingLoc
   * @param {Node[]} parts
   * @param {Location} closingLoc
   */
  constructor(nodeID, location, flags, openingLoc, parts, closingLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.openingLoc = openingLoc;
    this.parts = parts;
    this.closingLoc = closingLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitInterpolatedXStringNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [...this.parts];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [...this.parts];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "InterpolatedXStringNode",
      location: this.location,
      flags: this.#flags,
      openingLoc: this.openingLoc,
      parts: this.parts,
      closingLoc: this.closingLoc
    };
  }
};
var ItLocalVariableReadNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * Construct a new ItLocalVariableReadNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   */
  constructor(nodeID, location, flags) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitItLocalVariableReadNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ItLocalVariableReadNode",
      location: this.location,
      flags: this.#flags
    };
  }
};
var ItParametersNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * Construct a new ItParametersNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   */
  constructor(nodeID, location, flags) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitItParametersNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ItParametersNode",
      location: this.location,
      flags: this.#flags
    };
  }
};
var KeywordHashNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node[]
   */
  elements;
  /**
   * Construct a new KeywordHashNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node[]} elements
   */
  constructor(nodeID, location, flags, elements) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.elements = elements;
  }
  /**
   * True if this node has the SYMBOL_KEYS flag.
   *
   * @returns {boolean}
   */
  isSymbolKeys() {
    return (this.#flags & KeywordHashNodeFlags.SYMBOL_KEYS) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitKeywordHashNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [...this.elements];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [...this.elements];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "KeywordHashNode",
      location: this.location,
      flags: this.#flags,
      elements: this.elements
    };
  }
};
var KeywordRestParameterNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string | null
   */
  name;
  /**
   * @type Location | null
   */
  nameLoc;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new KeywordRestParameterNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string | null} name
   * @param {Location | null} nameLoc
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, name, nameLoc, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.operatorLoc = operatorLoc;
  }
  /**
   * True if this node has the REPEATED_PARAMETER flag.
   *
   * @returns {boolean}
   */
  isRepeatedParameter() {
    return (this.#flags & ParameterFlags.REPEATED_PARAMETER) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitKeywordRestParameterNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "KeywordRestParameterNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      operatorLoc: this.operatorLoc
    };
  }
};
var LambdaNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string[]
   */
  locals;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Location
   */
  openingLoc;
  /**
   * @type Location
   */
  closingLoc;
  /**
   * @type Node | null
   */
  parameters;
  /**
   * @type Node | null
   */
  body;
  /**
   * Construct a new LambdaNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string[]} locals
   * @param {Location} operatorLoc
   * @param {Location} openingLoc
   * @param {Location} closingLoc
   * @param {Node | null} parameters
   * @param {Node | null} body
   */
  constructor(nodeID, location, flags, locals, operatorLoc, openingLoc, closingLoc, parameters, body) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.locals = locals;
    this.operatorLoc = operatorLoc;
    this.openingLoc = openingLoc;
    this.closingLoc = closingLoc;
    this.parameters = parameters;
    this.body = body;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitLambdaNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.parameters, this.body];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.parameters) {
      compact.push(this.parameters);
    }
    if (this.body) {
      compact.push(this.body);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "LambdaNode",
      location: this.location,
      flags: this.#flags,
      locals: this.locals,
      operatorLoc: this.operatorLoc,
      openingLoc: this.openingLoc,
      closingLoc: this.closingLoc,
      parameters: this.parameters,
      body: this.body
    };
  }
};
var LocalVariableAndWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * @type string
   */
  name;
  /**
   * @type number
   */
  depth;
  /**
   * Construct a new LocalVariableAndWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} nameLoc
   * @param {Location} operatorLoc
   * @param {Node} value
   * @param {string} name
   * @param {number} depth
   */
  constructor(nodeID, location, flags, nameLoc, operatorLoc, value, name, depth) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.nameLoc = nameLoc;
    this.operatorLoc = operatorLoc;
    this.value = value;
    this.name = name;
    this.depth = depth;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitLocalVariableAndWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "LocalVariableAndWriteNode",
      location: this.location,
      flags: this.#flags,
      nameLoc: this.nameLoc,
      operatorLoc: this.operatorLoc,
      value: this.value,
      name: this.name,
      depth: this.depth
    };
  }
};
var LocalVariableOperatorWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Location
   */
  binaryOperatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * @type string
   */
  name;
  /**
   * @type string
   */
  binaryOperator;
  /**
   * @type number
   */
  depth;
  /**
   * Construct a new LocalVariableOperatorWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} nameLoc
   * @param {Location} binaryOperatorLoc
   * @param {Node} value
   * @param {string} name
   * @param {string} binaryOperator
   * @param {number} depth
   */
  constructor(nodeID, location, flags, nameLoc, binaryOperatorLoc, value, name, binaryOperator, depth) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.nameLoc = nameLoc;
    this.binaryOperatorLoc = binaryOperatorLoc;
    this.value = value;
    this.name = name;
    this.binaryOperator = binaryOperator;
    this.depth = depth;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitLocalVariableOperatorWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "LocalVariableOperatorWriteNode",
      location: this.location,
      flags: this.#flags,
      nameLoc: this.nameLoc,
      binaryOperatorLoc: this.binaryOperatorLoc,
      value: this.value,
      name: this.name,
      binaryOperator: this.binaryOperator,
      depth: this.depth
    };
  }
};
var LocalVariableOrWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * @type string
   */
  name;
  /**
   * @type number
   */
  depth;
  /**
   * Construct a new LocalVariableOrWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} nameLoc
   * @param {Location} operatorLoc
   * @param {Node} value
   * @param {string} name
   * @param {number} depth
   */
  constructor(nodeID, location, flags, nameLoc, operatorLoc, value, name, depth) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.nameLoc = nameLoc;
    this.operatorLoc = operatorLoc;
    this.value = value;
    this.name = name;
    this.depth = depth;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitLocalVariableOrWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "LocalVariableOrWriteNode",
      location: this.location,
      flags: this.#flags,
      nameLoc: this.nameLoc,
      operatorLoc: this.operatorLoc,
      value: this.value,
      name: this.name,
      depth: this.depth
    };
  }
};
var LocalVariableReadNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type number
   */
  depth;
  /**
   * Construct a new LocalVariableReadNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {number} depth
   */
  constructor(nodeID, location, flags, name, depth) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.depth = depth;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitLocalVariableReadNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "LocalVariableReadNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      depth: this.depth
    };
  }
};
var LocalVariableTargetNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type number
   */
  depth;
  /**
   * Construct a new LocalVariableTargetNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {number} depth
   */
  constructor(nodeID, location, flags, name, depth) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.depth = depth;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitLocalVariableTargetNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "LocalVariableTargetNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      depth: this.depth
    };
  }
};
var LocalVariableWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type number
   */
  depth;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Node
   */
  value;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new LocalVariableWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {number} depth
   * @param {Location} nameLoc
   * @param {Node} value
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, name, depth, nameLoc, value, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.depth = depth;
    this.nameLoc = nameLoc;
    this.value = value;
    this.operatorLoc = operatorLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitLocalVariableWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "LocalVariableWriteNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      depth: this.depth,
      nameLoc: this.nameLoc,
      value: this.value,
      operatorLoc: this.operatorLoc
    };
  }
};
var MatchLastLineNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  openingLoc;
  /**
   * @type Location
   */
  contentLoc;
  /**
   * @type Location
   */
  closingLoc;
  /**
   * @type RubyString
   */
  unescaped;
  /**
   * Construct a new MatchLastLineNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} openingLoc
   * @param {Location} contentLoc
   * @param {Location} closingLoc
   * @param {RubyString} unescaped
   */
  constructor(nodeID, location, flags, openingLoc, contentLoc, closingLoc, unescaped) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.openingLoc = openingLoc;
    this.contentLoc = contentLoc;
    this.closingLoc = closingLoc;
    this.unescaped = unescaped;
  }
  /**
   * True if this node has the IGNORE_CASE flag.
   *
   * @returns {boolean}
   */
  isIgnoreCase() {
    return (this.#flags & RegularExpressionFlags.IGNORE_CASE) !== 0;
  }
  /**
   * True if this node has the EXTENDED flag.
   *
   * @returns {boolean}
   */
  isExtended() {
    return (this.#flags & RegularExpressionFlags.EXTENDED) !== 0;
  }
  /**
   * True if this node has the MULTI_LINE flag.
   *
   * @returns {boolean}
   */
  isMultiLine() {
    return (this.#flags & RegularExpressionFlags.MULTI_LINE) !== 0;
  }
  /**
   * True if this node has the ONCE flag.
   *
   * @returns {boolean}
   */
  isOnce() {
    return (this.#flags & RegularExpressionFlags.ONCE) !== 0;
  }
  /**
   * True if this node has the EUC_JP flag.
   *
   * @returns {boolean}
   */
  isEucJp() {
    return (this.#flags & RegularExpressionFlags.EUC_JP) !== 0;
  }
  /**
   * True if this node has the ASCII_8BIT flag.
   *
   * @returns {boolean}
   */
  isAscii8bit() {
    return (this.#flags & RegularExpressionFlags.ASCII_8BIT) !== 0;
  }
  /**
   * True if this node has the WINDOWS_31J flag.
   *
   * @returns {boolean}
   */
  isWindows31j() {
    return (this.#flags & RegularExpressionFlags.WINDOWS_31J) !== 0;
  }
  /**
   * True if this node has the UTF_8 flag.
   *
   * @returns {boolean}
   */
  isUtf8() {
    return (this.#flags & RegularExpressionFlags.UTF_8) !== 0;
  }
  /**
   * True if this node has the FORCED_UTF8_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedUtf8Encoding() {
    return (this.#flags & RegularExpressionFlags.FORCED_UTF8_ENCODING) !== 0;
  }
  /**
   * True if this node has the FORCED_BINARY_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedBinaryEncoding() {
    return (this.#flags & RegularExpressionFlags.FORCED_BINARY_ENCODING) !== 0;
  }
  /**
   * True if this node has the FORCED_US_ASCII_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedUsAsciiEncoding() {
    return (this.#flags & RegularExpressionFlags.FORCED_US_ASCII_ENCODING) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitMatchLastLineNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "MatchLastLineNode",
      location: this.location,
      flags: this.#flags,
      openingLoc: this.openingLoc,
      contentLoc: this.contentLoc,
      closingLoc: this.closingLoc,
      unescaped: this.unescaped
    };
  }
};
var MatchPredicateNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  value;
  /**
   * @type Node
   */
  pattern;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new MatchPredicateNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} value
   * @param {Node} pattern
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, value, pattern, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.value = value;
    this.pattern = pattern;
    this.operatorLoc = operatorLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitMatchPredicateNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value, this.pattern];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value, this.pattern];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "MatchPredicateNode",
      location: this.location,
      flags: this.#flags,
      value: this.value,
      pattern: this.pattern,
      operatorLoc: this.operatorLoc
    };
  }
};
var MatchRequiredNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  value;
  /**
   * @type Node
   */
  pattern;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new MatchRequiredNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} value
   * @param {Node} pattern
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, value, pattern, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.value = value;
    this.pattern = pattern;
    this.operatorLoc = operatorLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitMatchRequiredNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value, this.pattern];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value, this.pattern];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "MatchRequiredNode",
      location: this.location,
      flags: this.#flags,
      value: this.value,
      pattern: this.pattern,
      operatorLoc: this.operatorLoc
    };
  }
};
var MatchWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type CallNode
   */
  call;
  /**
   * @type Node[]
   */
  targets;
  /**
   * Construct a new MatchWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {CallNode} call
   * @param {Node[]} targets
   */
  constructor(nodeID, location, flags, call, targets) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.call = call;
    this.targets = targets;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitMatchWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.call, ...this.targets];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.call, ...this.targets];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "MatchWriteNode",
      location: this.location,
      flags: this.#flags,
      call: this.call,
      targets: this.targets
    };
  }
};
var MissingNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * Construct a new MissingNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   */
  constructor(nodeID, location, flags) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitMissingNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "MissingNode",
      location: this.location,
      flags: this.#flags
    };
  }
};
var ModuleNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string[]
   */
  locals;
  /**
   * @type Location
   */
  moduleKeywordLoc;
  /**
   * @type Node
   */
  constantPath;
  /**
   * @type Node | null
   */
  body;
  /**
   * @type Location
   */
  endKeywordLoc;
  /**
   * @type string
   */
  name;
  /**
   * Construct a new ModuleNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string[]} locals
   * @param {Location} moduleKeywordLoc
   * @param {Node} constantPath
   * @param {Node | null} body
   * @param {Location} endKeywordLoc
   * @param {string} name
   */
  constructor(nodeID, location, flags, locals, moduleKeywordLoc, constantPath, body, endKeywordLoc, name) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.locals = locals;
    this.moduleKeywordLoc = moduleKeywordLoc;
    this.constantPath = constantPath;
    this.body = body;
    this.endKeywordLoc = endKeywordLoc;
    this.name = name;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitModuleNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.constantPath, this.body];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    compact.push(this.constantPath);
    if (this.body) {
      compact.push(this.body);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ModuleNode",
      location: this.location,
      flags: this.#flags,
      locals: this.locals,
      moduleKeywordLoc: this.moduleKeywordLoc,
      constantPath: this.constantPath,
      body: this.body,
      endKeywordLoc: this.endKeywordLoc,
      name: this.name
    };
  }
};
var MultiTargetNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node[]
   */
  lefts;
  /**
   * @type Node | null
   */
  rest;
  /**
   * @type Node[]
   */
  rights;
  /**
   * @type Location | null
   */
  lparenLoc;
  /**
   * @type Location | null
   */
  rparenLoc;
  /**
   * Construct a new MultiTargetNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node[]} lefts
   * @param {Node | null} rest
   * @param {Node[]} rights
   * @param {Location | null} lparenLoc
   * @param {Location | null} rparenLoc
   */
  constructor(nodeID, location, flags, lefts, rest, rights, lparenLoc, rparenLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.lefts = lefts;
    this.rest = rest;
    this.rights = rights;
    this.lparenLoc = lparenLoc;
    this.rparenLoc = rparenLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitMultiTargetNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [...this.lefts, this.rest, ...this.rights];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    compact.concat(this.lefts);
    if (this.rest) {
      compact.push(this.rest);
    }
    compact.concat(this.rights);
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "MultiTargetNode",
      location: this.location,
      flags: this.#flags,
      lefts: this.lefts,
      rest: this.rest,
      rights: this.rights,
      lparenLoc: this.lparenLoc,
      rparenLoc: this.rparenLoc
    };
  }
};
var MultiWriteNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node[]
   */
  lefts;
  /**
   * @type Node | null
   */
  rest;
  /**
   * @type Node[]
   */
  rights;
  /**
   * @type Location | null
   */
  lparenLoc;
  /**
   * @type Location | null
   */
  rparenLoc;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new MultiWriteNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node[]} lefts
   * @param {Node | null} rest
   * @param {Node[]} rights
   * @param {Location | null} lparenLoc
   * @param {Location | null} rparenLoc
   * @param {Location} operatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, lefts, rest, rights, lparenLoc, rparenLoc, operatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.lefts = lefts;
    this.rest = rest;
    this.rights = rights;
    this.lparenLoc = lparenLoc;
    this.rparenLoc = rparenLoc;
    this.operatorLoc = operatorLoc;
    this.value = value;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitMultiWriteNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [...this.lefts, this.rest, ...this.rights, this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    compact.concat(this.lefts);
    if (this.rest) {
      compact.push(this.rest);
    }
    compact.concat(this.rights);
    compact.push(this.value);
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "MultiWriteNode",
      location: this.location,
      flags: this.#flags,
      lefts: this.lefts,
      rest: this.rest,
      rights: this.rights,
      lparenLoc: this.lparenLoc,
      rparenLoc: this.rparenLoc,
      operatorLoc: this.operatorLoc,
      value: this.value
    };
  }
};
var NextNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type ArgumentsNode | null
   */
  arguments_;
  /**
   * @type Location
   */
  keywordLoc;
  /**
   * Construct a new NextNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {ArgumentsNode | null} arguments_
   * @param {Location} keywordLoc
   */
  constructor(nodeID, location, flags, arguments_, keywordLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.arguments_ = arguments_;
    this.keywordLoc = keywordLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitNextNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.arguments_];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.arguments_) {
      compact.push(this.arguments_);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "NextNode",
      location: this.location,
      flags: this.#flags,
      arguments: this.arguments_,
      keywordLoc: this.keywordLoc
    };
  }
};
var NilNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * Construct a new NilNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   */
  constructor(nodeID, location, flags) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitNilNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "NilNode",
      location: this.location,
      flags: this.#flags
    };
  }
};
var NoKeywordsParameterNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Location
   */
  keywordLoc;
  /**
   * Construct a new NoKeywordsParameterNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} operatorLoc
   * @param {Location} keywordLoc
   */
  constructor(nodeID, location, flags, operatorLoc, keywordLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.operatorLoc = operatorLoc;
    this.keywordLoc = keywordLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitNoKeywordsParameterNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "NoKeywordsParameterNode",
      location: this.location,
      flags: this.#flags,
      operatorLoc: this.operatorLoc,
      keywordLoc: this.keywordLoc
    };
  }
};
var NumberedParametersNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type number
   */
  maximum;
  /**
   * Construct a new NumberedParametersNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {number} maximum
   */
  constructor(nodeID, location, flags, maximum) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.maximum = maximum;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitNumberedParametersNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "NumberedParametersNode",
      location: this.location,
      flags: this.#flags,
      maximum: this.maximum
    };
  }
};
var NumberedReferenceReadNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type number
   */
  number;
  /**
   * Construct a new NumberedReferenceReadNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {number} number
   */
  constructor(nodeID, location, flags, number) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.number = number;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitNumberedReferenceReadNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "NumberedReferenceReadNode",
      location: this.location,
      flags: this.#flags,
      number: this.number
    };
  }
};
var OptionalKeywordParameterNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new OptionalKeywordParameterNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, name, nameLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.value = value;
  }
  /**
   * True if this node has the REPEATED_PARAMETER flag.
   *
   * @returns {boolean}
   */
  isRepeatedParameter() {
    return (this.#flags & ParameterFlags.REPEATED_PARAMETER) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitOptionalKeywordParameterNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "OptionalKeywordParameterNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      value: this.value
    };
  }
};
var OptionalParameterNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  value;
  /**
   * Construct a new OptionalParameterNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   * @param {Location} operatorLoc
   * @param {Node} value
   */
  constructor(nodeID, location, flags, name, nameLoc, operatorLoc, value) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.operatorLoc = operatorLoc;
    this.value = value;
  }
  /**
   * True if this node has the REPEATED_PARAMETER flag.
   *
   * @returns {boolean}
   */
  isRepeatedParameter() {
    return (this.#flags & ParameterFlags.REPEATED_PARAMETER) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitOptionalParameterNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.value];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.value];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "OptionalParameterNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      operatorLoc: this.operatorLoc,
      value: this.value
    };
  }
};
var OrNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  left;
  /**
   * @type Node
   */
  right;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new OrNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} left
   * @param {Node} right
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, left, right, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.left = left;
    this.right = right;
    this.operatorLoc = operatorLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitOrNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.left, this.right];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.left, this.right];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "OrNode",
      location: this.location,
      flags: this.#flags,
      left: this.left,
      right: this.right,
      operatorLoc: this.operatorLoc
    };
  }
};
var ParametersNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node[]
   */
  requireds;
  /**
   * @type Node[]
   */
  optionals;
  /**
   * @type Node | null
   */
  rest;
  /**
   * @type Node[]
   */
  posts;
  /**
   * @type Node[]
   */
  keywords;
  /**
   * @type Node | null
   */
  keywordRest;
  /**
   * @type BlockParameterNode | null
   */
  block;
  /**
   * Construct a new ParametersNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node[]} requireds
   * @param {Node[]} optionals
   * @param {Node | null} rest
   * @param {Node[]} posts
   * @param {Node[]} keywords
   * @param {Node | null} keywordRest
   * @param {BlockParameterNode | null} block
   */
  constructor(nodeID, location, flags, requireds, optionals, rest, posts, keywords, keywordRest, block) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.requireds = requireds;
    this.optionals = optionals;
    this.rest = rest;
    this.posts = posts;
    this.keywords = keywords;
    this.keywordRest = keywordRest;
    this.block = block;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitParametersNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [...this.requireds, ...this.optionals, this.rest, ...this.posts, ...this.keywords, this.keywordRest, this.block];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    compact.concat(this.requireds);
    compact.concat(this.optionals);
    if (this.rest) {
      compact.push(this.rest);
    }
    compact.concat(this.posts);
    compact.concat(this.keywords);
    if (this.keywordRest) {
      compact.push(this.keywordRest);
    }
    if (this.block) {
      compact.push(this.block);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ParametersNode",
      location: this.location,
      flags: this.#flags,
      requireds: this.requireds,
      optionals: this.optionals,
      rest: this.rest,
      posts: this.posts,
      keywords: this.keywords,
      keywordRest: this.keywordRest,
      block: this.block
    };
  }
};
var ParenthesesNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  body;
  /**
   * @type Location
   */
  openingLoc;
  /**
   * @type Location
   */
  closingLoc;
  /**
   * Construct a new ParenthesesNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} body
   * @param {Location} openingLoc
   * @param {Location} closingLoc
   */
  constructor(nodeID, location, flags, body, openingLoc, closingLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.body = body;
    this.openingLoc = openingLoc;
    this.closingLoc = closingLoc;
  }
  /**
   * True if this node has the MULTIPLE_STATEMENTS flag.
   *
   * @returns {boolean}
   */
  isMultipleStatements() {
    return (this.#flags & ParenthesesNodeFlags.MULTIPLE_STATEMENTS) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitParenthesesNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.body];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.body) {
      compact.push(this.body);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ParenthesesNode",
      location: this.location,
      flags: this.#flags,
      body: this.body,
      openingLoc: this.openingLoc,
      closingLoc: this.closingLoc
    };
  }
};
var PinnedExpressionNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  expression;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Location
   */
  lparenLoc;
  /**
   * @type Location
   */
  rparenLoc;
  /**
   * Construct a new PinnedExpressionNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} expression
   * @param {Location} operatorLoc
   * @param {Location} lparenLoc
   * @param {Location} rparenLoc
   */
  constructor(nodeID, location, flags, expression, operatorLoc, lparenLoc, rparenLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.expression = expression;
    this.operatorLoc = operatorLoc;
    this.lparenLoc = lparenLoc;
    this.rparenLoc = rparenLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitPinnedExpressionNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.expression];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.expression];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "PinnedExpressionNode",
      location: this.location,
      flags: this.#flags,
      expression: this.expression,
      operatorLoc: this.operatorLoc,
      lparenLoc: this.lparenLoc,
      rparenLoc: this.rparenLoc
    };
  }
};
var PinnedVariableNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  variable;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new PinnedVariableNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} variable
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, variable, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.variable = variable;
    this.operatorLoc = operatorLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitPinnedVariableNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.variable];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.variable];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "PinnedVariableNode",
      location: this.location,
      flags: this.#flags,
      variable: this.variable,
      operatorLoc: this.operatorLoc
    };
  }
};
var PostExecutionNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type StatementsNode | null
   */
  statements;
  /**
   * @type Location
   */
  keywordLoc;
  /**
   * @type Location
   */
  openingLoc;
  /**
   * @type Location
   */
  closingLoc;
  /**
   * Construct a new PostExecutionNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {StatementsNode | null} statements
   * @param {Location} keywordLoc
   * @param {Location} openingLoc
   * @param {Location} closingLoc
   */
  constructor(nodeID, location, flags, statements, keywordLoc, openingLoc, closingLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.statements = statements;
    this.keywordLoc = keywordLoc;
    this.openingLoc = openingLoc;
    this.closingLoc = closingLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitPostExecutionNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.statements];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.statements) {
      compact.push(this.statements);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "PostExecutionNode",
      location: this.location,
      flags: this.#flags,
      statements: this.statements,
      keywordLoc: this.keywordLoc,
      openingLoc: this.openingLoc,
      closingLoc: this.closingLoc
    };
  }
};
var PreExecutionNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type StatementsNode | null
   */
  statements;
  /**
   * @type Location
   */
  keywordLoc;
  /**
   * @type Location
   */
  openingLoc;
  /**
   * @type Location
   */
  closingLoc;
  /**
   * Construct a new PreExecutionNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {StatementsNode | null} statements
   * @param {Location} keywordLoc
   * @param {Location} openingLoc
   * @param {Location} closingLoc
   */
  constructor(nodeID, location, flags, statements, keywordLoc, openingLoc, closingLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.statements = statements;
    this.keywordLoc = keywordLoc;
    this.openingLoc = openingLoc;
    this.closingLoc = closingLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitPreExecutionNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.statements];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.statements) {
      compact.push(this.statements);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "PreExecutionNode",
      location: this.location,
      flags: this.#flags,
      statements: this.statements,
      keywordLoc: this.keywordLoc,
      openingLoc: this.openingLoc,
      closingLoc: this.closingLoc
    };
  }
};
var ProgramNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string[]
   */
  locals;
  /**
   * @type StatementsNode
   */
  statements;
  /**
   * Construct a new ProgramNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string[]} locals
   * @param {StatementsNode} statements
   */
  constructor(nodeID, location, flags, locals, statements) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.locals = locals;
    this.statements = statements;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitProgramNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.statements];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.statements];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ProgramNode",
      location: this.location,
      flags: this.#flags,
      locals: this.locals,
      statements: this.statements
    };
  }
};
var RangeNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node | null
   */
  left;
  /**
   * @type Node | null
   */
  right;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new RangeNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node | null} left
   * @param {Node | null} right
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, left, right, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.left = left;
    this.right = right;
    this.operatorLoc = operatorLoc;
  }
  /**
   * True if this node has the EXCLUDE_END flag.
   *
   * @returns {boolean}
   */
  isExcludeEnd() {
    return (this.#flags & RangeFlags.EXCLUDE_END) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitRangeNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.left, this.right];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.left) {
      compact.push(this.left);
    }
    if (this.right) {
      compact.push(this.right);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "RangeNode",
      location: this.location,
      flags: this.#flags,
      left: this.left,
      right: this.right,
      operatorLoc: this.operatorLoc
    };
  }
};
var RationalNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type number
   */
  numerator;
  /**
   * @type number
   */
  denominator;
  /**
   * Construct a new RationalNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {number} numerator
   * @param {number} denominator
   */
  constructor(nodeID, location, flags, numerator, denominator) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.numerator = numerator;
    this.denominator = denominator;
  }
  /**
   * True if this node has the BINARY flag.
   *
   * @returns {boolean}
   */
  isBinary() {
    return (this.#flags & IntegerBaseFlags.BINARY) !== 0;
  }
  /**
   * True if this node has the DECIMAL flag.
   *
   * @returns {boolean}
   */
  isDecimal() {
    return (this.#flags & IntegerBaseFlags.DECIMAL) !== 0;
  }
  /**
   * True if this node has the OCTAL flag.
   *
   * @returns {boolean}
   */
  isOctal() {
    return (this.#flags & IntegerBaseFlags.OCTAL) !== 0;
  }
  /**
   * True if this node has the HEXADECIMAL flag.
   *
   * @returns {boolean}
   */
  isHexadecimal() {
    return (this.#flags & IntegerBaseFlags.HEXADECIMAL) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitRationalNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "RationalNode",
      location: this.location,
      flags: this.#flags,
      numerator: this.numerator,
      denominator: this.denominator
    };
  }
};
var RedoNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * Construct a new RedoNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   */
  constructor(nodeID, location, flags) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitRedoNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "RedoNode",
      location: this.location,
      flags: this.#flags
    };
  }
};
var RegularExpressionNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  openingLoc;
  /**
   * @type Location
   */
  contentLoc;
  /**
   * @type Location
   */
  closingLoc;
  /**
   * @type RubyString
   */
  unescaped;
  /**
   * Construct a new RegularExpressionNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} openingLoc
   * @param {Location} contentLoc
   * @param {Location} closingLoc
   * @param {RubyString} unescaped
   */
  constructor(nodeID, location, flags, openingLoc, contentLoc, closingLoc, unescaped) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.openingLoc = openingLoc;
    this.contentLoc = contentLoc;
    this.closingLoc = closingLoc;
    this.unescaped = unescaped;
  }
  /**
   * True if this node has the IGNORE_CASE flag.
   *
   * @returns {boolean}
   */
  isIgnoreCase() {
    return (this.#flags & RegularExpressionFlags.IGNORE_CASE) !== 0;
  }
  /**
   * True if this node has the EXTENDED flag.
   *
   * @returns {boolean}
   */
  isExtended() {
    return (this.#flags & RegularExpressionFlags.EXTENDED) !== 0;
  }
  /**
   * True if this node has the MULTI_LINE flag.
   *
   * @returns {boolean}
   */
  isMultiLine() {
    return (this.#flags & RegularExpressionFlags.MULTI_LINE) !== 0;
  }
  /**
   * True if this node has the ONCE flag.
   *
   * @returns {boolean}
   */
  isOnce() {
    return (this.#flags & RegularExpressionFlags.ONCE) !== 0;
  }
  /**
   * True if this node has the EUC_JP flag.
   *
   * @returns {boolean}
   */
  isEucJp() {
    return (this.#flags & RegularExpressionFlags.EUC_JP) !== 0;
  }
  /**
   * True if this node has the ASCII_8BIT flag.
   *
   * @returns {boolean}
   */
  isAscii8bit() {
    return (this.#flags & RegularExpressionFlags.ASCII_8BIT) !== 0;
  }
  /**
   * True if this node has the WINDOWS_31J flag.
   *
   * @returns {boolean}
   */
  isWindows31j() {
    return (this.#flags & RegularExpressionFlags.WINDOWS_31J) !== 0;
  }
  /**
   * True if this node has the UTF_8 flag.
   *
   * @returns {boolean}
   */
  isUtf8() {
    return (this.#flags & RegularExpressionFlags.UTF_8) !== 0;
  }
  /**
   * True if this node has the FORCED_UTF8_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedUtf8Encoding() {
    return (this.#flags & RegularExpressionFlags.FORCED_UTF8_ENCODING) !== 0;
  }
  /**
   * True if this node has the FORCED_BINARY_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedBinaryEncoding() {
    return (this.#flags & RegularExpressionFlags.FORCED_BINARY_ENCODING) !== 0;
  }
  /**
   * True if this node has the FORCED_US_ASCII_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedUsAsciiEncoding() {
    return (this.#flags & RegularExpressionFlags.FORCED_US_ASCII_ENCODING) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitRegularExpressionNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "RegularExpressionNode",
      location: this.location,
      flags: this.#flags,
      openingLoc: this.openingLoc,
      contentLoc: this.contentLoc,
      closingLoc: this.closingLoc,
      unescaped: this.unescaped
    };
  }
};
var RequiredKeywordParameterNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * @type Location
   */
  nameLoc;
  /**
   * Construct a new RequiredKeywordParameterNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   * @param {Location} nameLoc
   */
  constructor(nodeID, location, flags, name, nameLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
  }
  /**
   * True if this node has the REPEATED_PARAMETER flag.
   *
   * @returns {boolean}
   */
  isRepeatedParameter() {
    return (this.#flags & ParameterFlags.REPEATED_PARAMETER) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitRequiredKeywordParameterNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "RequiredKeywordParameterNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc
    };
  }
};
var RequiredParameterNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string
   */
  name;
  /**
   * Construct a new RequiredParameterNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string} name
   */
  constructor(nodeID, location, flags, name) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
  }
  /**
   * True if this node has the REPEATED_PARAMETER flag.
   *
   * @returns {boolean}
   */
  isRepeatedParameter() {
    return (this.#flags & ParameterFlags.REPEATED_PARAMETER) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitRequiredParameterNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "RequiredParameterNode",
      location: this.location,
      flags: this.#flags,
      name: this.name
    };
  }
};
var RescueModifierNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  expression;
  /**
   * @type Location
   */
  keywordLoc;
  /**
   * @type Node
   */
  rescueExpression;
  /**
   * Construct a new RescueModifierNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} expression
   * @param {Location} keywordLoc
   * @param {Node} rescueExpression
   */
  constructor(nodeID, location, flags, expression, keywordLoc, rescueExpression) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.expression = expression;
    this.keywordLoc = keywordLoc;
    this.rescueExpression = rescueExpression;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitRescueModifierNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.expression, this.rescueExpression];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.expression, this.rescueExpression];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "RescueModifierNode",
      location: this.location,
      flags: this.#flags,
      expression: this.expression,
      keywordLoc: this.keywordLoc,
      rescueExpression: this.rescueExpression
    };
  }
};
var RescueNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  keywordLoc;
  /**
   * @type Node[]
   */
  exceptions;
  /**
   * @type Location | null
   */
  operatorLoc;
  /**
   * @type Node | null
   */
  reference;
  /**
   * @type Location | null
   */
  thenKeywordLoc;
  /**
   * @type StatementsNode | null
   */
  statements;
  /**
   * @type RescueNode | null
   */
  subsequent;
  /**
   * Construct a new RescueNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} keywordLoc
   * @param {Node[]} exceptions
   * @param {Location | null} operatorLoc
   * @param {Node | null} reference
   * @param {Location | null} thenKeywordLoc
   * @param {StatementsNode | null} statements
   * @param {RescueNode | null} subsequent
   */
  constructor(nodeID, location, flags, keywordLoc, exceptions, operatorLoc, reference, thenKeywordLoc, statements, subsequent) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.keywordLoc = keywordLoc;
    this.exceptions = exceptions;
    this.operatorLoc = operatorLoc;
    this.reference = reference;
    this.thenKeywordLoc = thenKeywordLoc;
    this.statements = statements;
    this.subsequent = subsequent;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitRescueNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [...this.exceptions, this.reference, this.statements, this.subsequent];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    compact.concat(this.exceptions);
    if (this.reference) {
      compact.push(this.reference);
    }
    if (this.statements) {
      compact.push(this.statements);
    }
    if (this.subsequent) {
      compact.push(this.subsequent);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "RescueNode",
      location: this.location,
      flags: this.#flags,
      keywordLoc: this.keywordLoc,
      exceptions: this.exceptions,
      operatorLoc: this.operatorLoc,
      reference: this.reference,
      thenKeywordLoc: this.thenKeywordLoc,
      statements: this.statements,
      subsequent: this.subsequent
    };
  }
};
var RestParameterNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string | null
   */
  name;
  /**
   * @type Location | null
   */
  nameLoc;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * Construct a new RestParameterNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string | null} name
   * @param {Location | null} nameLoc
   * @param {Location} operatorLoc
   */
  constructor(nodeID, location, flags, name, nameLoc, operatorLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.name = name;
    this.nameLoc = nameLoc;
    this.operatorLoc = operatorLoc;
  }
  /**
   * True if this node has the REPEATED_PARAMETER flag.
   *
   * @returns {boolean}
   */
  isRepeatedParameter() {
    return (this.#flags & ParameterFlags.REPEATED_PARAMETER) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitRestParameterNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "RestParameterNode",
      location: this.location,
      flags: this.#flags,
      name: this.name,
      nameLoc: this.nameLoc,
      operatorLoc: this.operatorLoc
    };
  }
};
var RetryNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * Construct a new RetryNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   */
  constructor(nodeID, location, flags) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitRetryNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "RetryNode",
      location: this.location,
      flags: this.#flags
    };
  }
};
var ReturnNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  keywordLoc;
  /**
   * @type ArgumentsNode | null
   */
  arguments_;
  /**
   * Construct a new ReturnNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} keywordLoc
   * @param {ArgumentsNode | null} arguments_
   */
  constructor(nodeID, location, flags, keywordLoc, arguments_) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.keywordLoc = keywordLoc;
    this.arguments_ = arguments_;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitReturnNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.arguments_];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.arguments_) {
      compact.push(this.arguments_);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ReturnNode",
      location: this.location,
      flags: this.#flags,
      keywordLoc: this.keywordLoc,
      arguments: this.arguments_
    };
  }
};
var SelfNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * Construct a new SelfNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   */
  constructor(nodeID, location, flags) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitSelfNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "SelfNode",
      location: this.location,
      flags: this.#flags
    };
  }
};
var ShareableConstantNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node
   */
  write;
  /**
   * Construct a new ShareableConstantNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node} write
   */
  constructor(nodeID, location, flags, write) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.write = write;
  }
  /**
   * True if this node has the LITERAL flag.
   *
   * @returns {boolean}
   */
  isLiteral() {
    return (this.#flags & ShareableConstantNodeFlags.LITERAL) !== 0;
  }
  /**
   * True if this node has the EXPERIMENTAL_EVERYTHING flag.
   *
   * @returns {boolean}
   */
  isExperimentalEverything() {
    return (this.#flags & ShareableConstantNodeFlags.EXPERIMENTAL_EVERYTHING) !== 0;
  }
  /**
   * True if this node has the EXPERIMENTAL_COPY flag.
   *
   * @returns {boolean}
   */
  isExperimentalCopy() {
    return (this.#flags & ShareableConstantNodeFlags.EXPERIMENTAL_COPY) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitShareableConstantNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.write];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [this.write];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "ShareableConstantNode",
      location: this.location,
      flags: this.#flags,
      write: this.write
    };
  }
};
var SingletonClassNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type string[]
   */
  locals;
  /**
   * @type Location
   */
  classKeywordLoc;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node
   */
  expression;
  /**
   * @type Node | null
   */
  body;
  /**
   * @type Location
   */
  endKeywordLoc;
  /**
   * Construct a new SingletonClassNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {string[]} locals
   * @param {Location} classKeywordLoc
   * @param {Location} operatorLoc
   * @param {Node} expression
   * @param {Node | null} body
   * @param {Location} endKeywordLoc
   */
  constructor(nodeID, location, flags, locals, classKeywordLoc, operatorLoc, expression, body, endKeywordLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.locals = locals;
    this.classKeywordLoc = classKeywordLoc;
    this.operatorLoc = operatorLoc;
    this.expression = expression;
    this.body = body;
    this.endKeywordLoc = endKeywordLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitSingletonClassNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.expression, this.body];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    compact.push(this.expression);
    if (this.body) {
      compact.push(this.body);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "SingletonClassNode",
      location: this.location,
      flags: this.#flags,
      locals: this.locals,
      classKeywordLoc: this.classKeywordLoc,
      operatorLoc: this.operatorLoc,
      expression: this.expression,
      body: this.body,
      endKeywordLoc: this.endKeywordLoc
    };
  }
};
var SourceEncodingNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * Construct a new SourceEncodingNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   */
  constructor(nodeID, location, flags) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitSourceEncodingNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "SourceEncodingNode",
      location: this.location,
      flags: this.#flags
    };
  }
};
var SourceFileNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type RubyString
   */
  filepath;
  /**
   * Construct a new SourceFileNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {RubyString} filepath
   */
  constructor(nodeID, location, flags, filepath) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.filepath = filepath;
  }
  /**
   * True if this node has the FORCED_UTF8_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedUtf8Encoding() {
    return (this.#flags & StringFlags.FORCED_UTF8_ENCODING) !== 0;
  }
  /**
   * True if this node has the FORCED_BINARY_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedBinaryEncoding() {
    return (this.#flags & StringFlags.FORCED_BINARY_ENCODING) !== 0;
  }
  /**
   * True if this node has the FROZEN flag.
   *
   * @returns {boolean}
   */
  isFrozen() {
    return (this.#flags & StringFlags.FROZEN) !== 0;
  }
  /**
   * True if this node has the MUTABLE flag.
   *
   * @returns {boolean}
   */
  isMutable() {
    return (this.#flags & StringFlags.MUTABLE) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitSourceFileNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "SourceFileNode",
      location: this.location,
      flags: this.#flags,
      filepath: this.filepath
    };
  }
};
var SourceLineNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * Construct a new SourceLineNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   */
  constructor(nodeID, location, flags) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitSourceLineNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "SourceLineNode",
      location: this.location,
      flags: this.#flags
    };
  }
};
var SplatNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  operatorLoc;
  /**
   * @type Node | null
   */
  expression;
  /**
   * Construct a new SplatNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} operatorLoc
   * @param {Node | null} expression
   */
  constructor(nodeID, location, flags, operatorLoc, expression) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.operatorLoc = operatorLoc;
    this.expression = expression;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitSplatNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.expression];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.expression) {
      compact.push(this.expression);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "SplatNode",
      location: this.location,
      flags: this.#flags,
      operatorLoc: this.operatorLoc,
      expression: this.expression
    };
  }
};
var StatementsNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node[]
   */
  body;
  /**
   * Construct a new StatementsNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node[]} body
   */
  constructor(nodeID, location, flags, body) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.body = body;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitStatementsNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [...this.body];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [...this.body];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "StatementsNode",
      location: this.location,
      flags: this.#flags,
      body: this.body
    };
  }
};
var StringNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location | null
   */
  openingLoc;
  /**
   * @type Location
   */
  contentLoc;
  /**
   * @type Location | null
   */
  closingLoc;
  /**
   * @type RubyString
   */
  unescaped;
  /**
   * Construct a new StringNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location | null} openingLoc
   * @param {Location} contentLoc
   * @param {Location | null} closingLoc
   * @param {RubyString} unescaped
   */
  constructor(nodeID, location, flags, openingLoc, contentLoc, closingLoc, unescaped) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.openingLoc = openingLoc;
    this.contentLoc = contentLoc;
    this.closingLoc = closingLoc;
    this.unescaped = unescaped;
  }
  /**
   * True if this node has the FORCED_UTF8_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedUtf8Encoding() {
    return (this.#flags & StringFlags.FORCED_UTF8_ENCODING) !== 0;
  }
  /**
   * True if this node has the FORCED_BINARY_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedBinaryEncoding() {
    return (this.#flags & StringFlags.FORCED_BINARY_ENCODING) !== 0;
  }
  /**
   * True if this node has the FROZEN flag.
   *
   * @returns {boolean}
   */
  isFrozen() {
    return (this.#flags & StringFlags.FROZEN) !== 0;
  }
  /**
   * True if this node has the MUTABLE flag.
   *
   * @returns {boolean}
   */
  isMutable() {
    return (this.#flags & StringFlags.MUTABLE) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitStringNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "StringNode",
      location: this.location,
      flags: this.#flags,
      openingLoc: this.openingLoc,
      contentLoc: this.contentLoc,
      closingLoc: this.closingLoc,
      unescaped: this.unescaped
    };
  }
};
var SuperNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  keywordLoc;
  /**
   * @type Location | null
   */
  lparenLoc;
  /**
   * @type ArgumentsNode | null
   */
  arguments_;
  /**
   * @type Location | null
   */
  rparenLoc;
  /**
   * @type Node | null
   */
  block;
  /**
   * Construct a new SuperNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} keywordLoc
   * @param {Location | null} lparenLoc
   * @param {ArgumentsNode | null} arguments_
   * @param {Location | null} rparenLoc
   * @param {Node | null} block
   */
  constructor(nodeID, location, flags, keywordLoc, lparenLoc, arguments_, rparenLoc, block) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.keywordLoc = keywordLoc;
    this.lparenLoc = lparenLoc;
    this.arguments_ = arguments_;
    this.rparenLoc = rparenLoc;
    this.block = block;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitSuperNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.arguments_, this.block];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.arguments_) {
      compact.push(this.arguments_);
    }
    if (this.block) {
      compact.push(this.block);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "SuperNode",
      location: this.location,
      flags: this.#flags,
      keywordLoc: this.keywordLoc,
      lparenLoc: this.lparenLoc,
      arguments: this.arguments_,
      rparenLoc: this.rparenLoc,
      block: this.block
    };
  }
};
var SymbolNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location | null
   */
  openingLoc;
  /**
   * @type Location | null
   */
  valueLoc;
  /**
   * @type Location | null
   */
  closingLoc;
  /**
   * @type RubyString
   */
  unescaped;
  /**
   * Construct a new SymbolNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location | null} openingLoc
   * @param {Location | null} valueLoc
   * @param {Location | null} closingLoc
   * @param {RubyString} unescaped
   */
  constructor(nodeID, location, flags, openingLoc, valueLoc, closingLoc, unescaped) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.openingLoc = openingLoc;
    this.valueLoc = valueLoc;
    this.closingLoc = closingLoc;
    this.unescaped = unescaped;
  }
  /**
   * True if this node has the FORCED_UTF8_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedUtf8Encoding() {
    return (this.#flags & SymbolFlags.FORCED_UTF8_ENCODING) !== 0;
  }
  /**
   * True if this node has the FORCED_BINARY_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedBinaryEncoding() {
    return (this.#flags & SymbolFlags.FORCED_BINARY_ENCODING) !== 0;
  }
  /**
   * True if this node has the FORCED_US_ASCII_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedUsAsciiEncoding() {
    return (this.#flags & SymbolFlags.FORCED_US_ASCII_ENCODING) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitSymbolNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "SymbolNode",
      location: this.location,
      flags: this.#flags,
      openingLoc: this.openingLoc,
      valueLoc: this.valueLoc,
      closingLoc: this.closingLoc,
      unescaped: this.unescaped
    };
  }
};
var TrueNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * Construct a new TrueNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   */
  constructor(nodeID, location, flags) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitTrueNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "TrueNode",
      location: this.location,
      flags: this.#flags
    };
  }
};
var UndefNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Node[]
   */
  names;
  /**
   * @type Location
   */
  keywordLoc;
  /**
   * Construct a new UndefNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Node[]} names
   * @param {Location} keywordLoc
   */
  constructor(nodeID, location, flags, names, keywordLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.names = names;
    this.keywordLoc = keywordLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitUndefNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [...this.names];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [...this.names];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "UndefNode",
      location: this.location,
      flags: this.#flags,
      names: this.names,
      keywordLoc: this.keywordLoc
    };
  }
};
var UnlessNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  keywordLoc;
  /**
   * @type Node
   */
  predicate;
  /**
   * @type Location | null
   */
  thenKeywordLoc;
  /**
   * @type StatementsNode | null
   */
  statements;
  /**
   * @type ElseNode | null
   */
  elseClause;
  /**
   * @type Location | null
   */
  endKeywordLoc;
  /**
   * Construct a new UnlessNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} keywordLoc
   * @param {Node} predicate
   * @param {Location | null} thenKeywordLoc
   * @param {StatementsNode | null} statements
   * @param {ElseNode | null} elseClause
   * @param {Location | null} endKeywordLoc
   */
  constructor(nodeID, location, flags, keywordLoc, predicate, thenKeywordLoc, statements, elseClause, endKeywordLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.keywordLoc = keywordLoc;
    this.predicate = predicate;
    this.thenKeywordLoc = thenKeywordLoc;
    this.statements = statements;
    this.elseClause = elseClause;
    this.endKeywordLoc = endKeywordLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitUnlessNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.predicate, this.statements, this.elseClause];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    compact.push(this.predicate);
    if (this.statements) {
      compact.push(this.statements);
    }
    if (this.elseClause) {
      compact.push(this.elseClause);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "UnlessNode",
      location: this.location,
      flags: this.#flags,
      keywordLoc: this.keywordLoc,
      predicate: this.predicate,
      thenKeywordLoc: this.thenKeywordLoc,
      statements: this.statements,
      elseClause: this.elseClause,
      endKeywordLoc: this.endKeywordLoc
    };
  }
};
var UntilNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  keywordLoc;
  /**
   * @type Location | null
   */
  doKeywordLoc;
  /**
   * @type Location | null
   */
  closingLoc;
  /**
   * @type Node
   */
  predicate;
  /**
   * @type StatementsNode | null
   */
  statements;
  /**
   * Construct a new UntilNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} keywordLoc
   * @param {Location | null} doKeywordLoc
   * @param {Location | null} closingLoc
   * @param {Node} predicate
   * @param {StatementsNode | null} statements
   */
  constructor(nodeID, location, flags, keywordLoc, doKeywordLoc, closingLoc, predicate, statements) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.keywordLoc = keywordLoc;
    this.doKeywordLoc = doKeywordLoc;
    this.closingLoc = closingLoc;
    this.predicate = predicate;
    this.statements = statements;
  }
  /**
   * True if this node has the BEGIN_MODIFIER flag.
   *
   * @returns {boolean}
   */
  isBeginModifier() {
    return (this.#flags & LoopFlags.BEGIN_MODIFIER) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitUntilNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.predicate, this.statements];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    compact.push(this.predicate);
    if (this.statements) {
      compact.push(this.statements);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "UntilNode",
      location: this.location,
      flags: this.#flags,
      keywordLoc: this.keywordLoc,
      doKeywordLoc: this.doKeywordLoc,
      closingLoc: this.closingLoc,
      predicate: this.predicate,
      statements: this.statements
    };
  }
};
var WhenNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  keywordLoc;
  /**
   * @type Node[]
   */
  conditions;
  /**
   * @type Location | null
   */
  thenKeywordLoc;
  /**
   * @type StatementsNode | null
   */
  statements;
  /**
   * Construct a new WhenNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} keywordLoc
   * @param {Node[]} conditions
   * @param {Location | null} thenKeywordLoc
   * @param {StatementsNode | null} statements
   */
  constructor(nodeID, location, flags, keywordLoc, conditions, thenKeywordLoc, statements) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.keywordLoc = keywordLoc;
    this.conditions = conditions;
    this.thenKeywordLoc = thenKeywordLoc;
    this.statements = statements;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitWhenNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [...this.conditions, this.statements];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    compact.concat(this.conditions);
    if (this.statements) {
      compact.push(this.statements);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "WhenNode",
      location: this.location,
      flags: this.#flags,
      keywordLoc: this.keywordLoc,
      conditions: this.conditions,
      thenKeywordLoc: this.thenKeywordLoc,
      statements: this.statements
    };
  }
};
var WhileNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  keywordLoc;
  /**
   * @type Location | null
   */
  doKeywordLoc;
  /**
   * @type Location | null
   */
  closingLoc;
  /**
   * @type Node
   */
  predicate;
  /**
   * @type StatementsNode | null
   */
  statements;
  /**
   * Construct a new WhileNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} keywordLoc
   * @param {Location | null} doKeywordLoc
   * @param {Location | null} closingLoc
   * @param {Node} predicate
   * @param {StatementsNode | null} statements
   */
  constructor(nodeID, location, flags, keywordLoc, doKeywordLoc, closingLoc, predicate, statements) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.keywordLoc = keywordLoc;
    this.doKeywordLoc = doKeywordLoc;
    this.closingLoc = closingLoc;
    this.predicate = predicate;
    this.statements = statements;
  }
  /**
   * True if this node has the BEGIN_MODIFIER flag.
   *
   * @returns {boolean}
   */
  isBeginModifier() {
    return (this.#flags & LoopFlags.BEGIN_MODIFIER) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitWhileNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.predicate, this.statements];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    compact.push(this.predicate);
    if (this.statements) {
      compact.push(this.statements);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "WhileNode",
      location: this.location,
      flags: this.#flags,
      keywordLoc: this.keywordLoc,
      doKeywordLoc: this.doKeywordLoc,
      closingLoc: this.closingLoc,
      predicate: this.predicate,
      statements: this.statements
    };
  }
};
var XStringNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  openingLoc;
  /**
   * @type Location
   */
  contentLoc;
  /**
   * @type Location
   */
  closingLoc;
  /**
   * @type RubyString
   */
  unescaped;
  /**
   * Construct a new XStringNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} openingLoc
   * @param {Location} contentLoc
   * @param {Location} closingLoc
   * @param {RubyString} unescaped
   */
  constructor(nodeID, location, flags, openingLoc, contentLoc, closingLoc, unescaped) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.openingLoc = openingLoc;
    this.contentLoc = contentLoc;
    this.closingLoc = closingLoc;
    this.unescaped = unescaped;
  }
  /**
   * True if this node has the FORCED_UTF8_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedUtf8Encoding() {
    return (this.#flags & EncodingFlags.FORCED_UTF8_ENCODING) !== 0;
  }
  /**
   * True if this node has the FORCED_BINARY_ENCODING flag.
   *
   * @returns {boolean}
   */
  isForcedBinaryEncoding() {
    return (this.#flags & EncodingFlags.FORCED_BINARY_ENCODING) !== 0;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitXStringNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    return [];
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "XStringNode",
      location: this.location,
      flags: this.#flags,
      openingLoc: this.openingLoc,
      contentLoc: this.contentLoc,
      closingLoc: this.closingLoc,
      unescaped: this.unescaped
    };
  }
};
var YieldNode = class {
  /**
   * @type number
   */
  nodeID;
  /**
   * @type {Location}
   */
  location;
  /**
   * @type number
   */
  #flags;
  /**
   * @type Location
   */
  keywordLoc;
  /**
   * @type Location | null
   */
  lparenLoc;
  /**
   * @type ArgumentsNode | null
   */
  arguments_;
  /**
   * @type Location | null
   */
  rparenLoc;
  /**
   * Construct a new YieldNode.
   *
   * @param {number} nodeID
   * @param {Location} location
   * @param {number} flags
   * @param {Location} keywordLoc
   * @param {Location | null} lparenLoc
   * @param {ArgumentsNode | null} arguments_
   * @param {Location | null} rparenLoc
   */
  constructor(nodeID, location, flags, keywordLoc, lparenLoc, arguments_, rparenLoc) {
    this.nodeID = nodeID;
    this.location = location;
    this.#flags = flags;
    this.keywordLoc = keywordLoc;
    this.lparenLoc = lparenLoc;
    this.arguments_ = arguments_;
    this.rparenLoc = rparenLoc;
  }
  /**
   * Accept a visitor for this node.
   *
   * @param {visitors.Visitor} visitor
   */
  accept(visitor) {
    visitor.visitYieldNode(this);
  }
  /**
   * Returns all child nodes of the current node.
   *
   * @returns {(Node | null)[]} An array of child nodes.
   */
  childNodes() {
    return [this.arguments_];
  }
  /**
   * Compact and return an array of child nodes.
   *
   * @returns {Node[]} An array of compacted child nodes.
   */
  compactChildNodes() {
    const compact = [];
    if (this.arguments_) {
      compact.push(this.arguments_);
    }
    return compact;
  }
  /**
   * Transforms the Node to a JavaScript object.
   *
   * @returns {Object}
   */
  toJSON() {
    return {
      type: "YieldNode",
      location: this.location,
      flags: this.#flags,
      keywordLoc: this.keywordLoc,
      lparenLoc: this.lparenLoc,
      arguments: this.arguments_,
      rparenLoc: this.rparenLoc
    };
  }
};

// node_modules/@ruby/prism/src/deserialize.js
var MAJOR_VERSION = 1;
var MINOR_VERSION = 9;
var PATCH_VERSION = 0;
var LITTLE_ENDIAN = (() => {
  let uint32 = new Uint32Array([287454020]);
  let uint8 = new Uint8Array(uint32.buffer);
  if (uint8[0] === 68) {
    return true;
  } else if (uInt8[0] === 17) {
    return false;
  } else {
    throw new Error("Mixed endianness");
  }
})();
var SerializationBuffer = class {
  FORCED_UTF8_ENCODING_FLAG = 1 << 2;
  FORCED_BINARY_ENCODING_FLAG = 1 << 3;
  DECODER_MAP = /* @__PURE__ */ new Map([
    ["ascii-8bit", "ascii"]
  ]);
  constructor(source, array) {
    this.source = source;
    this.array = array;
    this.index = 0;
    this.fileEncoding = "utf-8";
    this.decoders = /* @__PURE__ */ new Map();
  }
  readByte() {
    const result = this.array[this.index];
    this.index += 1;
    return result;
  }
  readBytes(length) {
    const result = this.array.slice(this.index, this.index + length);
    this.index += length;
    return result;
  }
  readString(length, flags) {
    return this.decodeString(this.readBytes(length), flags).value;
  }
  // Read a 32-bit unsigned integer in little-endian format.
  readUint32() {
    const result = this.scanUint32(this.index);
    this.index += 4;
    return result;
  }
  scanUint32(offset) {
    const bytes = this.array.slice(offset, offset + 4);
    return bytes[0] | bytes[1] << 8 | bytes[2] << 16 | bytes[3] << 24;
  }
  readVarInt() {
    let result = 0;
    let shift = 0;
    while (true) {
      const byte = this.readByte();
      result += (byte & 127) << shift;
      shift += 7;
      if ((byte & 128) === 0) {
        break;
      }
    }
    return result;
  }
  readLocation() {
    return { startOffset: this.readVarInt(), length: this.readVarInt() };
  }
  readOptionalLocation() {
    if (this.readByte() != 0) {
      return this.readLocation();
    } else {
      return null;
    }
  }
  readStringField(flags) {
    if (flags === void 0) flags = 0;
    const type = this.readByte();
    switch (type) {
      case 1: {
        const startOffset = this.readVarInt();
        const length = this.readVarInt();
        return this.decodeString(this.source.slice(startOffset, startOffset + length), flags);
      }
      case 2:
        return this.decodeString(this.readBytes(this.readVarInt()), flags);
      default:
        throw new Error(`Unknown serialized string type: ${type}`);
    }
  }
  scanConstant(constantPoolOffset, constantIndex) {
    const offset = constantPoolOffset + constantIndex * 8;
    let startOffset = this.scanUint32(offset);
    const length = this.scanUint32(offset + 4);
    if (startOffset & 1 << 31) {
      startOffset &= (1 << 31) - 1;
      return new TextDecoder().decode(this.array.slice(startOffset, startOffset + length));
    } else {
      return new TextDecoder().decode(this.source.slice(startOffset, startOffset + length));
    }
  }
  readDouble() {
    const view = new DataView(new ArrayBuffer(8));
    for (let index = 0; index < 8; index++) {
      view.setUint8(index, this.readByte());
    }
    return view.getFloat64(0, LITTLE_ENDIAN);
  }
  decodeString(bytes, flags) {
    const forcedBin = (flags & this.FORCED_BINARY_ENCODING_FLAG) !== 0;
    const forcedUtf8 = (flags & this.FORCED_UTF8_ENCODING_FLAG) !== 0;
    if (forcedBin) {
      return {
        encoding: "ascii",
        validEncoding: true,
        value: this.asciiDecoder.decode(bytes)
      };
    } else {
      const encoding = forcedUtf8 ? "utf-8" : this.fileEncoding.toLowerCase();
      const decoder = this.getDecoder(encoding);
      try {
        return {
          encoding,
          validEncoding: true,
          value: decoder.decode(bytes)
        };
      } catch (e) {
        if (e.code === "ERR_ENCODING_INVALID_ENCODED_DATA") {
          return {
            encoding,
            validEncoding: false,
            value: this.asciiDecoder.decode(bytes)
          };
        }
        throw e;
      }
    }
  }
  getDecoder(encoding) {
    encoding = this.DECODER_MAP.get(encoding) || encoding;
    if (!this.decoders.has(encoding)) {
      this.decoders.set(encoding, new TextDecoder(encoding, { fatal: true }));
    }
    return this.decoders.get(encoding);
  }
  get asciiDecoder() {
    if (!this._asciiDecoder) {
      this._asciiDecoder = new TextDecoder("ascii");
    }
    return this._asciiDecoder;
  }
};
var ParseResult = class {
  /**
   * @type {nodes.ProgramNode}
   */
  value;
  /**
   * @type {Comment[]}
   */
  comments;
  /**
   * @type {MagicComment[]}
   */
  magicComments;
  /**
   * @type {Location | null}
   */
  /**
   * @type {ParseError[]}
   */
  errors;
  /**
   * @type {ParseWarning[]}
   */
  warnings;
  /**
   * @param {nodes.ProgramNode} value
   * @param {Comment[]} comments
   * @param {MagicComment[]} magicComments
   * @param {ParseError[]} errors
   * @param {ParseWarning[]} warnings
   */
  constructor(value, comments, magicComments, dataLoc, errors, warnings) {
    this.value = value;
    this.comments = comments;
    this.magicComments = magicComments;
    this.dataLoc = dataLoc;
    this.errors = errors;
    this.warnings = warnings;
  }
};
var errorLevels = ["syntax", "argument", "load"];
var errorTypes = [
  "alias_argument",
  "alias_argument_numbered_reference",
  "ampampeq_multi_assign",
  "argument_after_block",
  "argument_after_forwarding_ellipses",
  "argument_bare_hash",
  "argument_block_forwarding",
  "argument_block_multi",
  "argument_conflict_ampersand",
  "argument_conflict_star",
  "argument_conflict_star_star",
  "argument_formal_class",
  "argument_formal_constant",
  "argument_formal_global",
  "argument_formal_ivar",
  "argument_forwarding_unbound",
  "argument_no_forwarding_ampersand",
  "argument_no_forwarding_ellipses",
  "argument_no_forwarding_star",
  "argument_no_forwarding_star_star",
  "argument_splat_after_assoc_splat",
  "argument_splat_after_splat",
  "argument_term_paren",
  "argument_unexpected_block",
  "array_element",
  "array_expression",
  "array_expression_after_star",
  "array_separator",
  "array_term",
  "begin_lonely_else",
  "begin_term",
  "begin_upcase_brace",
  "begin_upcase_term",
  "begin_upcase_toplevel",
  "block_param_local_variable",
  "block_param_pipe_term",
  "block_term_brace",
  "block_term_end",
  "cannot_parse_expression",
  "cannot_parse_string_part",
  "case_expression_after_case",
  "case_expression_after_when",
  "case_match_missing_predicate",
  "case_missing_conditions",
  "case_term",
  "class_in_method",
  "class_name",
  "class_superclass",
  "class_term",
  "class_unexpected_end",
  "class_variable_bare",
  "conditional_elsif_predicate",
  "conditional_if_predicate",
  "conditional_predicate_term",
  "conditional_term",
  "conditional_term_else",
  "conditional_unless_predicate",
  "conditional_until_predicate",
  "conditional_while_predicate",
  "constant_path_colon_colon_constant",
  "def_endless",
  "def_endless_parameters",
  "def_endless_setter",
  "def_name",
  "def_params_term",
  "def_params_term_paren",
  "def_receiver",
  "def_receiver_term",
  "def_term",
  "defined_expression",
  "embdoc_term",
  "embexpr_end",
  "embvar_invalid",
  "end_upcase_brace",
  "end_upcase_term",
  "escape_invalid_control",
  "escape_invalid_control_repeat",
  "escape_invalid_hexadecimal",
  "escape_invalid_meta",
  "escape_invalid_meta_repeat",
  "escape_invalid_unicode",
  "escape_invalid_unicode_cm_flags",
  "escape_invalid_unicode_list",
  "escape_invalid_unicode_literal",
  "escape_invalid_unicode_long",
  "escape_invalid_unicode_short",
  "escape_invalid_unicode_term",
  "expect_argument",
  "expect_eol_after_statement",
  "expect_expression_after_ampampeq",
  "expect_expression_after_comma",
  "expect_expression_after_equal",
  "expect_expression_after_less_less",
  "expect_expression_after_lparen",
  "expect_expression_after_operator",
  "expect_expression_after_pipepipeeq",
  "expect_expression_after_question",
  "expect_expression_after_splat",
  "expect_expression_after_splat_hash",
  "expect_expression_after_star",
  "expect_for_delimiter",
  "expect_ident_req_parameter",
  "expect_in_delimiter",
  "expect_lparen_after_not_lparen",
  "expect_lparen_after_not_other",
  "expect_lparen_req_parameter",
  "expect_message",
  "expect_rbracket",
  "expect_rparen",
  "expect_rparen_after_multi",
  "expect_rparen_req_parameter",
  "expect_singleton_class_delimiter",
  "expect_string_content",
  "expect_when_delimiter",
  "expression_bare_hash",
  "expression_not_writable",
  "expression_not_writable_encoding",
  "expression_not_writable_false",
  "expression_not_writable_file",
  "expression_not_writable_line",
  "expression_not_writable_nil",
  "expression_not_writable_numbered",
  "expression_not_writable_self",
  "expression_not_writable_true",
  "float_parse",
  "for_collection",
  "for_in",
  "for_index",
  "for_term",
  "global_variable_bare",
  "hash_expression_after_label",
  "hash_key",
  "hash_rocket",
  "hash_term",
  "hash_value",
  "heredoc_identifier",
  "heredoc_term",
  "incomplete_question_mark",
  "incomplete_variable_class",
  "incomplete_variable_class_3_3",
  "incomplete_variable_instance",
  "incomplete_variable_instance_3_3",
  "instance_variable_bare",
  "invalid_block_exit",
  "invalid_character",
  "invalid_comma",
  "invalid_encoding_magic_comment",
  "invalid_escape_character",
  "invalid_float_exponent",
  "invalid_local_variable_read",
  "invalid_local_variable_write",
  "invalid_multibyte_char",
  "invalid_multibyte_character",
  "invalid_multibyte_escape",
  "invalid_number_binary",
  "invalid_number_decimal",
  "invalid_number_fraction",
  "invalid_number_hexadecimal",
  "invalid_number_octal",
  "invalid_number_underscore_inner",
  "invalid_number_underscore_trailing",
  "invalid_percent",
  "invalid_percent_eof",
  "invalid_printable_character",
  "invalid_retry_after_else",
  "invalid_retry_after_ensure",
  "invalid_retry_without_rescue",
  "invalid_symbol",
  "invalid_variable_global",
  "invalid_variable_global_3_3",
  "invalid_yield",
  "it_not_allowed_numbered",
  "it_not_allowed_ordinary",
  "lambda_open",
  "lambda_term_brace",
  "lambda_term_end",
  "list_i_lower_element",
  "list_i_lower_term",
  "list_i_upper_element",
  "list_i_upper_term",
  "list_w_lower_element",
  "list_w_lower_term",
  "list_w_upper_element",
  "list_w_upper_term",
  "malloc_failed",
  "mixed_encoding",
  "module_in_method",
  "module_name",
  "module_term",
  "multi_assign_multi_splats",
  "multi_assign_unexpected_rest",
  "nesting_too_deep",
  "no_local_variable",
  "non_associative_operator",
  "not_expression",
  "number_literal_underscore",
  "numbered_parameter_inner_block",
  "numbered_parameter_it",
  "numbered_parameter_ordinary",
  "numbered_parameter_outer_block",
  "operator_multi_assign",
  "operator_write_arguments",
  "operator_write_block",
  "parameter_assoc_splat_multi",
  "parameter_block_multi",
  "parameter_circular",
  "parameter_forwarding_after_rest",
  "parameter_method_name",
  "parameter_name_duplicated",
  "parameter_no_default",
  "parameter_no_default_kw",
  "parameter_numbered_reserved",
  "parameter_order",
  "parameter_splat_multi",
  "parameter_star",
  "parameter_unexpected_fwd",
  "parameter_unexpected_no_kw",
  "parameter_wild_loose_comma",
  "pattern_array_multiple_rests",
  "pattern_capture_duplicate",
  "pattern_capture_in_alternative",
  "pattern_expression_after_bracket",
  "pattern_expression_after_comma",
  "pattern_expression_after_hrocket",
  "pattern_expression_after_in",
  "pattern_expression_after_key",
  "pattern_expression_after_paren",
  "pattern_expression_after_pin",
  "pattern_expression_after_pipe",
  "pattern_expression_after_range",
  "pattern_expression_after_rest",
  "pattern_find_missing_inner",
  "pattern_hash_implicit",
  "pattern_hash_key",
  "pattern_hash_key_duplicate",
  "pattern_hash_key_interpolated",
  "pattern_hash_key_label",
  "pattern_hash_key_locals",
  "pattern_ident_after_hrocket",
  "pattern_label_after_comma",
  "pattern_rest",
  "pattern_term_brace",
  "pattern_term_bracket",
  "pattern_term_paren",
  "pipepipeeq_multi_assign",
  "regexp_encoding_option_mismatch",
  "regexp_incompat_char_encoding",
  "regexp_invalid_unicode_range",
  "regexp_non_escaped_mbc",
  "regexp_parse_error",
  "regexp_term",
  "regexp_unknown_options",
  "regexp_utf8_char_non_utf8_regexp",
  "rescue_expression",
  "rescue_modifier_value",
  "rescue_term",
  "rescue_variable",
  "return_invalid",
  "script_not_found",
  "singleton_for_literals",
  "statement_alias",
  "statement_postexe_end",
  "statement_preexe_begin",
  "statement_undef",
  "string_concatenation",
  "string_interpolated_term",
  "string_literal_eof",
  "string_literal_term",
  "symbol_invalid",
  "symbol_term_dynamic",
  "symbol_term_interpolated",
  "ternary_colon",
  "ternary_expression_false",
  "ternary_expression_true",
  "unary_disallowed",
  "unary_receiver",
  "undef_argument",
  "unexpected_block_argument",
  "unexpected_index_block",
  "unexpected_index_keywords",
  "unexpected_label",
  "unexpected_multi_write",
  "unexpected_parameter_default_value",
  "unexpected_range_operator",
  "unexpected_safe_navigation",
  "unexpected_token_close_context",
  "unexpected_token_ignore",
  "until_term",
  "void_expression",
  "while_term",
  "write_target_in_method",
  "write_target_readonly",
  "write_target_unexpected",
  "xstring_term"
];
var warningLevels = ["default", "verbose"];
var warningTypes = [
  "ambiguous_binary_operator",
  "ambiguous_first_argument_minus",
  "ambiguous_first_argument_plus",
  "ambiguous_prefix_ampersand",
  "ambiguous_prefix_star",
  "ambiguous_prefix_star_star",
  "ambiguous_slash",
  "comparison_after_comparison",
  "dot_dot_dot_eol",
  "equal_in_conditional",
  "equal_in_conditional_3_3",
  "end_in_method",
  "duplicated_hash_key",
  "duplicated_when_clause",
  "float_out_of_range",
  "ignored_frozen_string_literal",
  "indentation_mismatch",
  "integer_in_flip_flop",
  "invalid_character",
  "invalid_magic_comment_value",
  "invalid_numbered_reference",
  "keyword_eol",
  "literal_in_condition_default",
  "literal_in_condition_verbose",
  "shareable_constant_value_line",
  "shebang_carriage_return",
  "unexpected_carriage_return",
  "unreachable_statement",
  "unused_local_variable",
  "void_statement"
];
function deserialize(source, array) {
  const buffer = new SerializationBuffer(source, array);
  if (buffer.readString(5) !== "PRISM") {
    throw new Error("Invalid serialization");
  }
  if (buffer.readByte() != MAJOR_VERSION || buffer.readByte() != MINOR_VERSION || buffer.readByte() != PATCH_VERSION) {
    throw new Error("Invalid serialization");
  }
  if (buffer.readByte() != 0) {
    throw new Error("Invalid serialization (location fields must be included but are not)");
  }
  buffer.fileEncoding = buffer.readString(buffer.readVarInt());
  buffer.readVarInt();
  const lineOffsetsCount = buffer.readVarInt();
  for (let i = 0; i < lineOffsetsCount; i++) {
    buffer.readVarInt();
  }
  const comments = Array.from({ length: buffer.readVarInt() }, () => ({
    type: buffer.readVarInt(),
    location: buffer.readLocation()
  }));
  const magicComments = Array.from({ length: buffer.readVarInt() }, () => ({
    startLocation: buffer.readLocation(),
    endLocation: buffer.readLocation()
  }));
  const dataLoc = buffer.readOptionalLocation();
  const errors = Array.from({ length: buffer.readVarInt() }, () => ({
    type: errorTypes[buffer.readVarInt()],
    message: buffer.readString(buffer.readVarInt()),
    location: buffer.readLocation(),
    level: errorLevels[buffer.readByte()]
  }));
  const warnings = Array.from({ length: buffer.readVarInt() }, () => ({
    type: warningTypes[buffer.readVarInt()],
    message: buffer.readString(buffer.readVarInt()),
    location: buffer.readLocation(),
    level: warningLevels[buffer.readByte()]
  }));
  const constantPoolOffset = buffer.readUint32();
  const constants = Array.from({ length: buffer.readVarInt() }, () => null);
  return new ParseResult(readRequiredNode(), comments, magicComments, dataLoc, errors, warnings);
  function readRequiredNode() {
    const type = buffer.readByte();
    const nodeID = buffer.readVarInt();
    const location = buffer.readLocation();
    let flags;
    switch (type) {
      case 1:
        return new AliasGlobalVariableNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), readRequiredNode(), buffer.readLocation());
      case 2:
        return new AliasMethodNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), readRequiredNode(), buffer.readLocation());
      case 3:
        return new AlternationPatternNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), readRequiredNode(), buffer.readLocation());
      case 4:
        return new AndNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), readRequiredNode(), buffer.readLocation());
      case 5:
        return new ArgumentsNode(nodeID, location, flags = buffer.readVarInt(), Array.from({ length: buffer.readVarInt() }, readRequiredNode));
      case 6:
        return new ArrayNode(nodeID, location, flags = buffer.readVarInt(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), buffer.readOptionalLocation(), buffer.readOptionalLocation());
      case 7:
        return new ArrayPatternNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), readOptionalNode(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), buffer.readOptionalLocation(), buffer.readOptionalLocation());
      case 8:
        return new AssocNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), readRequiredNode(), buffer.readOptionalLocation());
      case 9:
        return new AssocSplatNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), buffer.readLocation());
      case 10:
        return new BackReferenceReadNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant());
      case 11:
        return new BeginNode(nodeID, location, flags = buffer.readVarInt(), buffer.readOptionalLocation(), readOptionalNode(), readOptionalNode(), readOptionalNode(), readOptionalNode(), buffer.readOptionalLocation());
      case 12:
        return new BlockArgumentNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), buffer.readLocation());
      case 13:
        return new BlockLocalVariableNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant());
      case 14:
        return new BlockNode(nodeID, location, flags = buffer.readVarInt(), Array.from({ length: buffer.readVarInt() }, readRequiredConstant), readOptionalNode(), readOptionalNode(), buffer.readLocation(), buffer.readLocation());
      case 15:
        return new BlockParameterNode(nodeID, location, flags = buffer.readVarInt(), readOptionalConstant(), buffer.readOptionalLocation(), buffer.readLocation());
      case 16:
        return new BlockParametersNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), buffer.readOptionalLocation(), buffer.readOptionalLocation());
      case 17:
        return new BreakNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), buffer.readLocation());
      case 18:
        return new CallAndWriteNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), buffer.readOptionalLocation(), buffer.readOptionalLocation(), readRequiredConstant(), readRequiredConstant(), buffer.readLocation(), readRequiredNode());
      case 19:
        return new CallNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), buffer.readOptionalLocation(), readRequiredConstant(), buffer.readOptionalLocation(), buffer.readOptionalLocation(), readOptionalNode(), buffer.readOptionalLocation(), buffer.readOptionalLocation(), readOptionalNode());
      case 20:
        return new CallOperatorWriteNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), buffer.readOptionalLocation(), buffer.readOptionalLocation(), readRequiredConstant(), readRequiredConstant(), readRequiredConstant(), buffer.readLocation(), readRequiredNode());
      case 21:
        return new CallOrWriteNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), buffer.readOptionalLocation(), buffer.readOptionalLocation(), readRequiredConstant(), readRequiredConstant(), buffer.readLocation(), readRequiredNode());
      case 22:
        return new CallTargetNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), buffer.readLocation(), readRequiredConstant(), buffer.readLocation());
      case 23:
        return new CapturePatternNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), readRequiredNode(), buffer.readLocation());
      case 24:
        return new CaseMatchNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), readOptionalNode(), buffer.readLocation(), buffer.readLocation());
      case 25:
        return new CaseNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), readOptionalNode(), buffer.readLocation(), buffer.readLocation());
      case 26:
        return new ClassNode(nodeID, location, flags = buffer.readVarInt(), Array.from({ length: buffer.readVarInt() }, readRequiredConstant), buffer.readLocation(), readRequiredNode(), buffer.readOptionalLocation(), readOptionalNode(), readOptionalNode(), buffer.readLocation(), readRequiredConstant());
      case 27:
        return new ClassVariableAndWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), buffer.readLocation(), readRequiredNode());
      case 28:
        return new ClassVariableOperatorWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), buffer.readLocation(), readRequiredNode(), readRequiredConstant());
      case 29:
        return new ClassVariableOrWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), buffer.readLocation(), readRequiredNode());
      case 30:
        return new ClassVariableReadNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant());
      case 31:
        return new ClassVariableTargetNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant());
      case 32:
        return new ClassVariableWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), readRequiredNode(), buffer.readLocation());
      case 33:
        return new ConstantAndWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), buffer.readLocation(), readRequiredNode());
      case 34:
        return new ConstantOperatorWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), buffer.readLocation(), readRequiredNode(), readRequiredConstant());
      case 35:
        return new ConstantOrWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), buffer.readLocation(), readRequiredNode());
      case 36:
        return new ConstantPathAndWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), buffer.readLocation(), readRequiredNode());
      case 37:
        return new ConstantPathNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), readOptionalConstant(), buffer.readLocation(), buffer.readLocation());
      case 38:
        return new ConstantPathOperatorWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), buffer.readLocation(), readRequiredNode(), readRequiredConstant());
      case 39:
        return new ConstantPathOrWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), buffer.readLocation(), readRequiredNode());
      case 40:
        return new ConstantPathTargetNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), readOptionalConstant(), buffer.readLocation(), buffer.readLocation());
      case 41:
        return new ConstantPathWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), buffer.readLocation(), readRequiredNode());
      case 42:
        return new ConstantReadNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant());
      case 43:
        return new ConstantTargetNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant());
      case 44:
        return new ConstantWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), readRequiredNode(), buffer.readLocation());
      case 45:
        buffer.readUint32();
        return new DefNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), readOptionalNode(), readOptionalNode(), readOptionalNode(), Array.from({ length: buffer.readVarInt() }, readRequiredConstant), buffer.readLocation(), buffer.readOptionalLocation(), buffer.readOptionalLocation(), buffer.readOptionalLocation(), buffer.readOptionalLocation(), buffer.readOptionalLocation());
      case 46:
        return new DefinedNode(nodeID, location, flags = buffer.readVarInt(), buffer.readOptionalLocation(), readRequiredNode(), buffer.readOptionalLocation(), buffer.readLocation());
      case 47:
        return new ElseNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), readOptionalNode(), buffer.readOptionalLocation());
      case 48:
        return new EmbeddedStatementsNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), readOptionalNode(), buffer.readLocation());
      case 49:
        return new EmbeddedVariableNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), readRequiredNode());
      case 50:
        return new EnsureNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), readOptionalNode(), buffer.readLocation());
      case 51:
        return new FalseNode(nodeID, location, flags = buffer.readVarInt());
      case 52:
        return new FindPatternNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), readRequiredNode(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), readRequiredNode(), buffer.readOptionalLocation(), buffer.readOptionalLocation());
      case 53:
        return new FlipFlopNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), readOptionalNode(), buffer.readLocation());
      case 54:
        return new FloatNode(nodeID, location, flags = buffer.readVarInt(), buffer.readDouble());
      case 55:
        return new ForNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), readRequiredNode(), readOptionalNode(), buffer.readLocation(), buffer.readLocation(), buffer.readOptionalLocation(), buffer.readLocation());
      case 56:
        return new ForwardingArgumentsNode(nodeID, location, flags = buffer.readVarInt());
      case 57:
        return new ForwardingParameterNode(nodeID, location, flags = buffer.readVarInt());
      case 58:
        return new ForwardingSuperNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode());
      case 59:
        return new GlobalVariableAndWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), buffer.readLocation(), readRequiredNode());
      case 60:
        return new GlobalVariableOperatorWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), buffer.readLocation(), readRequiredNode(), readRequiredConstant());
      case 61:
        return new GlobalVariableOrWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), buffer.readLocation(), readRequiredNode());
      case 62:
        return new GlobalVariableReadNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant());
      case 63:
        return new GlobalVariableTargetNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant());
      case 64:
        return new GlobalVariableWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), readRequiredNode(), buffer.readLocation());
      case 65:
        return new HashNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), buffer.readLocation());
      case 66:
        return new HashPatternNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), readOptionalNode(), buffer.readOptionalLocation(), buffer.readOptionalLocation());
      case 67:
        return new IfNode(nodeID, location, flags = buffer.readVarInt(), buffer.readOptionalLocation(), readRequiredNode(), buffer.readOptionalLocation(), readOptionalNode(), readOptionalNode(), buffer.readOptionalLocation());
      case 68:
        return new ImaginaryNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode());
      case 69:
        return new ImplicitNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode());
      case 70:
        return new ImplicitRestNode(nodeID, location, flags = buffer.readVarInt());
      case 71:
        return new InNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), readOptionalNode(), buffer.readLocation(), buffer.readOptionalLocation());
      case 72:
        return new IndexAndWriteNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), buffer.readOptionalLocation(), buffer.readLocation(), readOptionalNode(), buffer.readLocation(), readOptionalNode(), buffer.readLocation(), readRequiredNode());
      case 73:
        return new IndexOperatorWriteNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), buffer.readOptionalLocation(), buffer.readLocation(), readOptionalNode(), buffer.readLocation(), readOptionalNode(), readRequiredConstant(), buffer.readLocation(), readRequiredNode());
      case 74:
        return new IndexOrWriteNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), buffer.readOptionalLocation(), buffer.readLocation(), readOptionalNode(), buffer.readLocation(), readOptionalNode(), buffer.readLocation(), readRequiredNode());
      case 75:
        return new IndexTargetNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), buffer.readLocation(), readOptionalNode(), buffer.readLocation(), readOptionalNode());
      case 76:
        return new InstanceVariableAndWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), buffer.readLocation(), readRequiredNode());
      case 77:
        return new InstanceVariableOperatorWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), buffer.readLocation(), readRequiredNode(), readRequiredConstant());
      case 78:
        return new InstanceVariableOrWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), buffer.readLocation(), readRequiredNode());
      case 79:
        return new InstanceVariableReadNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant());
      case 80:
        return new InstanceVariableTargetNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant());
      case 81:
        return new InstanceVariableWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), readRequiredNode(), buffer.readLocation());
      case 82:
        return new IntegerNode(nodeID, location, flags = buffer.readVarInt(), readInteger());
      case 83:
        return new InterpolatedMatchLastLineNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), buffer.readLocation());
      case 84:
        return new InterpolatedRegularExpressionNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), buffer.readLocation());
      case 85:
        return new InterpolatedStringNode(nodeID, location, flags = buffer.readVarInt(), buffer.readOptionalLocation(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), buffer.readOptionalLocation());
      case 86:
        return new InterpolatedSymbolNode(nodeID, location, flags = buffer.readVarInt(), buffer.readOptionalLocation(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), buffer.readOptionalLocation());
      case 87:
        return new InterpolatedXStringNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), buffer.readLocation());
      case 88:
        return new ItLocalVariableReadNode(nodeID, location, flags = buffer.readVarInt());
      case 89:
        return new ItParametersNode(nodeID, location, flags = buffer.readVarInt());
      case 90:
        return new KeywordHashNode(nodeID, location, flags = buffer.readVarInt(), Array.from({ length: buffer.readVarInt() }, readRequiredNode));
      case 91:
        return new KeywordRestParameterNode(nodeID, location, flags = buffer.readVarInt(), readOptionalConstant(), buffer.readOptionalLocation(), buffer.readLocation());
      case 92:
        return new LambdaNode(nodeID, location, flags = buffer.readVarInt(), Array.from({ length: buffer.readVarInt() }, readRequiredConstant), buffer.readLocation(), buffer.readLocation(), buffer.readLocation(), readOptionalNode(), readOptionalNode());
      case 93:
        return new LocalVariableAndWriteNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), buffer.readLocation(), readRequiredNode(), readRequiredConstant(), buffer.readVarInt());
      case 94:
        return new LocalVariableOperatorWriteNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), buffer.readLocation(), readRequiredNode(), readRequiredConstant(), readRequiredConstant(), buffer.readVarInt());
      case 95:
        return new LocalVariableOrWriteNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), buffer.readLocation(), readRequiredNode(), readRequiredConstant(), buffer.readVarInt());
      case 96:
        return new LocalVariableReadNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readVarInt());
      case 97:
        return new LocalVariableTargetNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readVarInt());
      case 98:
        return new LocalVariableWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readVarInt(), buffer.readLocation(), readRequiredNode(), buffer.readLocation());
      case 99:
        return new MatchLastLineNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), buffer.readLocation(), buffer.readLocation(), buffer.readStringField(flags));
      case 100:
        return new MatchPredicateNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), readRequiredNode(), buffer.readLocation());
      case 101:
        return new MatchRequiredNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), readRequiredNode(), buffer.readLocation());
      case 102:
        return new MatchWriteNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), Array.from({ length: buffer.readVarInt() }, readRequiredNode));
      case 103:
        return new MissingNode(nodeID, location, flags = buffer.readVarInt());
      case 104:
        return new ModuleNode(nodeID, location, flags = buffer.readVarInt(), Array.from({ length: buffer.readVarInt() }, readRequiredConstant), buffer.readLocation(), readRequiredNode(), readOptionalNode(), buffer.readLocation(), readRequiredConstant());
      case 105:
        return new MultiTargetNode(nodeID, location, flags = buffer.readVarInt(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), readOptionalNode(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), buffer.readOptionalLocation(), buffer.readOptionalLocation());
      case 106:
        return new MultiWriteNode(nodeID, location, flags = buffer.readVarInt(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), readOptionalNode(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), buffer.readOptionalLocation(), buffer.readOptionalLocation(), buffer.readLocation(), readRequiredNode());
      case 107:
        return new NextNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), buffer.readLocation());
      case 108:
        return new NilNode(nodeID, location, flags = buffer.readVarInt());
      case 109:
        return new NoKeywordsParameterNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), buffer.readLocation());
      case 110:
        return new NumberedParametersNode(nodeID, location, flags = buffer.readVarInt(), buffer.readByte());
      case 111:
        return new NumberedReferenceReadNode(nodeID, location, flags = buffer.readVarInt(), buffer.readVarInt());
      case 112:
        return new OptionalKeywordParameterNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), readRequiredNode());
      case 113:
        return new OptionalParameterNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation(), buffer.readLocation(), readRequiredNode());
      case 114:
        return new OrNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), readRequiredNode(), buffer.readLocation());
      case 115:
        return new ParametersNode(nodeID, location, flags = buffer.readVarInt(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), Array.from({ length: buffer.readVarInt() }, readRequiredNode), readOptionalNode(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), Array.from({ length: buffer.readVarInt() }, readRequiredNode), readOptionalNode(), readOptionalNode());
      case 116:
        return new ParenthesesNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), buffer.readLocation(), buffer.readLocation());
      case 117:
        return new PinnedExpressionNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), buffer.readLocation(), buffer.readLocation(), buffer.readLocation());
      case 118:
        return new PinnedVariableNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), buffer.readLocation());
      case 119:
        return new PostExecutionNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), buffer.readLocation(), buffer.readLocation(), buffer.readLocation());
      case 120:
        return new PreExecutionNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), buffer.readLocation(), buffer.readLocation(), buffer.readLocation());
      case 121:
        return new ProgramNode(nodeID, location, flags = buffer.readVarInt(), Array.from({ length: buffer.readVarInt() }, readRequiredConstant), readRequiredNode());
      case 122:
        return new RangeNode(nodeID, location, flags = buffer.readVarInt(), readOptionalNode(), readOptionalNode(), buffer.readLocation());
      case 123:
        return new RationalNode(nodeID, location, flags = buffer.readVarInt(), readInteger(), readInteger());
      case 124:
        return new RedoNode(nodeID, location, flags = buffer.readVarInt());
      case 125:
        return new RegularExpressionNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), buffer.readLocation(), buffer.readLocation(), buffer.readStringField(flags));
      case 126:
        return new RequiredKeywordParameterNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant(), buffer.readLocation());
      case 127:
        return new RequiredParameterNode(nodeID, location, flags = buffer.readVarInt(), readRequiredConstant());
      case 128:
        return new RescueModifierNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode(), buffer.readLocation(), readRequiredNode());
      case 129:
        return new RescueNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), buffer.readOptionalLocation(), readOptionalNode(), buffer.readOptionalLocation(), readOptionalNode(), readOptionalNode());
      case 130:
        return new RestParameterNode(nodeID, location, flags = buffer.readVarInt(), readOptionalConstant(), buffer.readOptionalLocation(), buffer.readLocation());
      case 131:
        return new RetryNode(nodeID, location, flags = buffer.readVarInt());
      case 132:
        return new ReturnNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), readOptionalNode());
      case 133:
        return new SelfNode(nodeID, location, flags = buffer.readVarInt());
      case 134:
        return new ShareableConstantNode(nodeID, location, flags = buffer.readVarInt(), readRequiredNode());
      case 135:
        return new SingletonClassNode(nodeID, location, flags = buffer.readVarInt(), Array.from({ length: buffer.readVarInt() }, readRequiredConstant), buffer.readLocation(), buffer.readLocation(), readRequiredNode(), readOptionalNode(), buffer.readLocation());
      case 136:
        return new SourceEncodingNode(nodeID, location, flags = buffer.readVarInt());
      case 137:
        return new SourceFileNode(nodeID, location, flags = buffer.readVarInt(), buffer.readStringField(flags));
      case 138:
        return new SourceLineNode(nodeID, location, flags = buffer.readVarInt());
      case 139:
        return new SplatNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), readOptionalNode());
      case 140:
        return new StatementsNode(nodeID, location, flags = buffer.readVarInt(), Array.from({ length: buffer.readVarInt() }, readRequiredNode));
      case 141:
        return new StringNode(nodeID, location, flags = buffer.readVarInt(), buffer.readOptionalLocation(), buffer.readLocation(), buffer.readOptionalLocation(), buffer.readStringField(flags));
      case 142:
        return new SuperNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), buffer.readOptionalLocation(), readOptionalNode(), buffer.readOptionalLocation(), readOptionalNode());
      case 143:
        return new SymbolNode(nodeID, location, flags = buffer.readVarInt(), buffer.readOptionalLocation(), buffer.readOptionalLocation(), buffer.readOptionalLocation(), buffer.readStringField(flags));
      case 144:
        return new TrueNode(nodeID, location, flags = buffer.readVarInt());
      case 145:
        return new UndefNode(nodeID, location, flags = buffer.readVarInt(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), buffer.readLocation());
      case 146:
        return new UnlessNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), readRequiredNode(), buffer.readOptionalLocation(), readOptionalNode(), readOptionalNode(), buffer.readOptionalLocation());
      case 147:
        return new UntilNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), buffer.readOptionalLocation(), buffer.readOptionalLocation(), readRequiredNode(), readOptionalNode());
      case 148:
        return new WhenNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), Array.from({ length: buffer.readVarInt() }, readRequiredNode), buffer.readOptionalLocation(), readOptionalNode());
      case 149:
        return new WhileNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), buffer.readOptionalLocation(), buffer.readOptionalLocation(), readRequiredNode(), readOptionalNode());
      case 150:
        return new XStringNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), buffer.readLocation(), buffer.readLocation(), buffer.readStringField(flags));
      case 151:
        return new YieldNode(nodeID, location, flags = buffer.readVarInt(), buffer.readLocation(), buffer.readOptionalLocation(), readOptionalNode(), buffer.readOptionalLocation());
      default:
        throw new Error(`Unknown node type: ${type}`);
    }
  }
  function readOptionalNode() {
    if (buffer.readByte() != 0) {
      buffer.index -= 1;
      return readRequiredNode();
    } else {
      return null;
    }
  }
  function scanConstant(constantIndex) {
    if (constants[constantIndex] === null) {
      constants[constantIndex] = buffer.scanConstant(constantPoolOffset, constantIndex);
    }
    return constants[constantIndex];
  }
  function readRequiredConstant() {
    return scanConstant(buffer.readVarInt() - 1);
  }
  function readOptionalConstant() {
    const index = buffer.readVarInt();
    if (index === 0) {
      return null;
    } else {
      return scanConstant(index - 1);
    }
  }
  function readInteger() {
    const negative = buffer.readByte() != 0;
    const length = buffer.readVarInt();
    const firstWord = buffer.readVarInt();
    if (length == 1) {
      if (negative && firstWord >= 2147483648) {
        return -BigInt(firstWord);
      } else if (negative) {
        return -firstWord;
      } else {
        return firstWord;
      }
    }
    let result = BigInt(firstWord);
    for (let index = 1; index < length; index++) {
      result |= BigInt(buffer.readVarInt()) << BigInt(index * 32);
    }
    return negative ? -result : result;
  }
}

// node_modules/@ruby/prism/src/parsePrism.js
function parsePrism(prism, source, options = {}) {
  const sourceArray = new TextEncoder().encode(source);
  const sourcePointer = prism.calloc(1, sourceArray.length);
  const packedOptions = dumpOptions(options);
  const optionsPointer = prism.calloc(1, packedOptions.length);
  const bufferPointer = prism.calloc(prism.pm_buffer_sizeof(), 1);
  prism.pm_buffer_init(bufferPointer);
  const sourceView = new Uint8Array(prism.memory.buffer, sourcePointer, sourceArray.length);
  sourceView.set(sourceArray);
  const optionsView = new Uint8Array(prism.memory.buffer, optionsPointer, packedOptions.length);
  optionsView.set(packedOptions);
  prism.pm_serialize_parse(bufferPointer, sourcePointer, sourceArray.length, optionsPointer);
  const serializedView = new Uint8Array(prism.memory.buffer, prism.pm_buffer_value(bufferPointer), prism.pm_buffer_length(bufferPointer));
  const result = deserialize(sourceArray, serializedView);
  prism.pm_buffer_free(bufferPointer);
  prism.free(sourcePointer);
  prism.free(bufferPointer);
  prism.free(optionsPointer);
  return result;
}
function dumpCommandLineOptions(options) {
  if (options.command_line === void 0) {
    return 0;
  }
  const commandLine = options.command_line;
  if (typeof commandLine !== "string") {
    throw new Error("command_line must be a string");
  }
  let value = 0;
  for (let index = 0; index < commandLine.length; index++) {
    switch (commandLine[index]) {
      case "a":
        value |= 1;
        break;
      case "e":
        value |= 2;
        break;
      case "l":
        value |= 4;
        break;
      case "n":
        value |= 8;
        break;
      case "p":
        value |= 16;
        break;
      case "x":
        value |= 32;
        break;
      default:
        throw new Error(`Unsupported command line flag '${commandLine[index]}'`);
    }
  }
  return value;
}
function dumpBooleanOption(value) {
  return value === void 0 || value === false || value === null ? 0 : 1;
}
function dumpOptions(options) {
  const template = [];
  const values = [];
  const encoder = new TextEncoder();
  template.push("L");
  if (options.filepath) {
    const filepath = encoder.encode(options.filepath);
    values.push(filepath.length);
    values.push(filepath);
    template.push("A");
  } else {
    values.push(0);
  }
  template.push("l");
  values.push(options.line || 1);
  template.push("L");
  if (options.encoding) {
    const encoding = encoder.encode(options.encoding);
    values.push(encoding.length);
    values.push(encoding);
    template.push("A");
  } else {
    values.push(0);
  }
  template.push("C");
  values.push(dumpBooleanOption(options.frozen_string_literal));
  template.push("C");
  values.push(dumpCommandLineOptions(options));
  template.push("C");
  if (!options.version || options.version === "latest") {
    values.push(0);
  } else if (options.version.match(/^3\.3(\.\d+)?$/)) {
    values.push(1);
  } else if (options.version.match(/^3\.4(\.\d+)?$/)) {
    values.push(2);
  } else if (options.version.match(/^3\.5(\.\d+)?$/) || options.version.match(/^4\.0(\.\d+)?$/)) {
    values.push(3);
  } else if (options.version.match(/^4\.1(\.\d+)?$/)) {
    values.push(4);
  } else {
    throw new Error(`Unsupported version '${options.version}' in compiler options`);
  }
  template.push("C");
  values.push(options.encoding === false ? 1 : 0);
  template.push("C");
  values.push(dumpBooleanOption(options.main_script));
  template.push("C");
  values.push(dumpBooleanOption(options.partial_script));
  template.push("C");
  values.push(0);
  template.push("L");
  if (options.scopes) {
    const scopes = options.scopes;
    values.push(scopes.length);
    for (const scope of scopes) {
      let locals;
      let forwarding = 0;
      if (Array.isArray(scope)) {
        locals = scope;
      } else {
        locals = scope.locals || [];
        for (const forward of scope.forwarding || []) {
          switch (forward) {
            case "*":
              forwarding |= 1;
              break;
            case "**":
              forwarding |= 2;
              break;
            case "&":
              forwarding |= 4;
              break;
            case "...":
              forwarding |= 8;
              break;
            default:
              throw new Error(`invalid forwarding value: ${forward}`);
          }
        }
      }
      template.push("L");
      values.push(locals.length);
      template.push("C");
      values.push(forwarding);
      for (const local of locals) {
        template.push("L");
        values.push(local.length);
        template.push("A");
        values.push(encoder.encode(local));
      }
    }
  } else {
    values.push(0);
  }
  return pack(values, template);
}
function pack(values, template) {
  const littleEndian = endianness() === "LE";
  const buffer = new ArrayBuffer(totalSizeOf(values, template));
  const data_view = new DataView(buffer);
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    switch (template[i]) {
      case "A":
        for (let c = 0; c < values[i].length; c++) {
          data_view.setUint8(offset + c, values[i][c]);
        }
        break;
      case "l":
        data_view.setInt32(offset, values[i], littleEndian);
        break;
      case "L":
        data_view.setUint32(offset, values[i], littleEndian);
        break;
      case "C":
        data_view.setUint8(offset, values[i], littleEndian);
        break;
    }
    offset += sizeOf(values, template, i);
  }
  return new Uint8Array(buffer);
}
function totalSizeOf(values, template) {
  let size = 0;
  for (let i = 0; i < values.length; i++) {
    size += sizeOf(values, template, i);
  }
  return size;
}
function sizeOf(values, template, index) {
  switch (template[index]) {
    // arbitrary binary string
    case "A":
      return values[index].length;
    // l: signed 32-bit integer, L: unsigned 32-bit integer
    case "l":
    case "L":
      return 4;
    // 8-bit unsigned integer
    case "C":
      return 1;
  }
}
function endianness() {
  const arr = new Uint8Array(4);
  new Uint32Array(arr.buffer)[0] = 4291559441;
  return arr[0] === 255 ? "BE" : "LE";
}
export {
  parsePrism
};

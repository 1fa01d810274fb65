-- Headless Neovim (0.7+) as a real LSP client of the Lingo server, without nvim-lspconfig.
--
--   LINGO_SERVER=dist/server.js LINGO_FILE=doc.md LINGO_OUT=out.json LINGO_HOVER=7:6 \
--     nvim --headless -u NONE -i NONE -n -c 'luafile test/nvim/lingo.lua'
--
-- Starts `node $LINGO_SERVER --stdio` with vim.lsp.start_client, opens LINGO_FILE, waits for the
-- server's diagnostics, asks for the hover at LINGO_HOVER (1-based line:column) and for the
-- completion at LINGO_COMPLETE (line:column, optional), and writes what it got to LINGO_OUT as JSON.
-- With the cursor at LINGO_REFERENCES (line:column) it runs :lua vim.lsp.buf.references() and keeps the
-- quickfix list it fills; with LINGO_RENAME (line:column:new name) it runs vim.lsp.buf.rename(new name),
-- writes every changed buffer (:wall) and keeps the messages Neovim showed (a refusal, say).
-- Exits 0 when it could write the file, 1 otherwise (the message is on stderr and in the JSON).

local env = vim.env
local out_path = assert(env.LINGO_OUT, 'LINGO_OUT is not set')
local result = { nvim = vim.version(), diagnostics = nil, hover = nil, completion = nil, references = nil, renamed = nil, messages = {}, errors = {} }

-- What Neovim shows the user (vim.notify: errors from the server, "nothing to rename"), kept for the result.
vim.notify = function(msg, level) table.insert(result.messages, { message = tostring(msg), level = level }) end

local function finish(code)
  local f = io.open(out_path, 'w')
  if f then
    f:write(vim.fn.json_encode(result))
    f:close()
  else
    code = 1
  end
  for _, e in ipairs(result.errors) do
    io.stderr:write('lingo.lua: ' .. e .. '\n')
  end
  vim.cmd((code == 0) and 'qall!' or 'cquit! 1')
end

local ok, err = pcall(function()
  local file = vim.fn.fnamemodify(assert(env.LINGO_FILE, 'LINGO_FILE is not set'), ':p')
  local server = vim.fn.fnamemodify(env.LINGO_SERVER or 'dist/server.js', ':p')
  local timeout = tonumber(env.LINGO_TIMEOUT_MS or '15000')

  -- Keep the raw publishDiagnostics params (they carry the rule in `code`), then let Neovim handle them too.
  local published = {}
  local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(e, params, ctx, config)
    published[params.uri] = params.diagnostics
    return default_handler(e, params, ctx, config)
  end

  local client_id = vim.lsp.start_client({
    name = 'lingo',
    cmd = { env.LINGO_NODE or 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
    settings = { lingo = {} },
    on_stderr = function(_, data) table.insert(result.errors, 'server stderr: ' .. tostring(data)) end,
  })
  assert(client_id, 'vim.lsp.start_client failed')

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  -- -u NONE turns filetype detection off; the server only needs a languageId, markdown for *.md.
  if vim.bo[bufnr].filetype == '' then vim.bo[bufnr].filetype = 'markdown' end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local uri = vim.uri_from_bufnr(bufnr)
  if not vim.wait(timeout, function() return published[uri] ~= nil end, 50) then
    error('no diagnostics from the server within ' .. timeout .. ' ms')
  end
  result.diagnostics = published[uri]
  result.vim_diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.vim_diagnostics, { lnum = d.lnum, col = d.col, severity = d.severity, message = d.message })
  end

  local function at(spec)
    local line, col = spec:match('^(%d+):(%d+)$')
    assert(line, 'position must be line:column, got ' .. spec)
    return { textDocument = { uri = uri }, position = { line = tonumber(line) - 1, character = tonumber(col) - 1 } }
  end

  if env.LINGO_HOVER then
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', at(env.LINGO_HOVER), timeout)
    for _, r in pairs(responses or {}) do
      if r.err then table.insert(result.errors, 'hover: ' .. vim.inspect(r.err)) end
      if r.result then result.hover = r.result end
    end
  end
  if env.LINGO_COMPLETE then
    local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', at(env.LINGO_COMPLETE), timeout)
    for _, r in pairs(responses or {}) do
      if r.result then
        local items = r.result.items or r.result
        result.completion = {}
        for _, item in ipairs(items) do table.insert(result.completion, item.label) end
      end
    end
  end

  -- Moves the cursor to line:column (1-based).
  local function cursor(spec)
    local line, col = spec:match('^(%d+):(%d+)')
    assert(line, 'position must be line:column, got ' .. spec)
    vim.api.nvim_win_set_cursor(0, { tonumber(line), tonumber(col) - 1 })
  end

  if env.LINGO_REFERENCES then
    cursor(env.LINGO_REFERENCES)
    vim.fn.setqflist({}, 'r')
    vim.lsp.buf.references()
    if not vim.wait(timeout, function() return #vim.fn.getqflist() > 0 end, 50) then
      error('no references within ' .. timeout .. ' ms')
    end
    result.references = {}
    for _, item in ipairs(vim.fn.getqflist()) do
      table.insert(result.references, { file = vim.fn.fnamemodify(vim.fn.bufname(item.bufnr), ':t'), lnum = item.lnum, col = item.col, text = item.text })
    end
  end

  if env.LINGO_RENAME then
    local spec, new_name = env.LINGO_RENAME:match('^(%d+:%d+):(.+)$')
    assert(spec, 'LINGO_RENAME must be line:column:new name')
    cursor(spec)
    local before = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
    local shown = #result.messages
    vim.lsp.buf.rename(new_name)
    vim.wait(timeout, function()
      return #result.messages > shown or not vim.deep_equal(before, vim.api.nvim_buf_get_lines(bufnr, 0, -1, false))
    end, 50)
    vim.cmd('silent! wall')
    result.renamed = {}
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      local name = vim.api.nvim_buf_get_name(b)
      if name ~= '' and vim.api.nvim_buf_is_loaded(b) then
        result.renamed[vim.fn.fnamemodify(name, ':t')] = table.concat(vim.api.nvim_buf_get_lines(b, 0, -1, false), '\n')
      end
    end
  end

  vim.lsp.stop_client(client_id)
end)

if not ok then
  table.insert(result.errors, tostring(err))
  finish(1)
else
  finish(0)
end
